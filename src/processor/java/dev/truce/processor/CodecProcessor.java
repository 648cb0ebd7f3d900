package dev.truce.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes, for each class annotated {@code @dev.truce.yaml.codec.BinaryForms}, the binary codec of its roots and of
 * every type their record components reach, from the components themselves (see BinaryForms for what can be
 * written). Build-time only: compiled by the first execution of the compiler plugin, before the main sources, and
 * never shipped.
 *
 * <p>The code it writes holds no lambda, no reflection, no string concatenation: a command that reads the cache
 * spins no class at run time. A record is read through its canonical constructor, so its checks run on what is
 * read as on what is parsed.
 */
@SupportedAnnotationTypes(CodecProcessor.ANNOTATION)
public final class CodecProcessor extends AbstractProcessor {
    static final String ANNOTATION = "dev.truce.yaml.codec.BinaryForms";
    private static final String RUNTIME = "dev.truce.yaml.codec.";

    /** The JDK's value types, by qualified name: the BinaryOut and BinaryIn methods that write and read them. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("java.lang.String", "string"),
            Map.entry("java.lang.Boolean", "nBool"),
            Map.entry("java.lang.Byte", "nI8"),
            Map.entry("java.lang.Short", "nI16"),
            Map.entry("java.lang.Character", "nChar"),
            Map.entry("java.lang.Integer", "nI32"),
            Map.entry("java.lang.Long", "nI64"),
            Map.entry("java.lang.Float", "nF32"),
            Map.entry("java.lang.Double", "nF64"),
            Map.entry("java.time.LocalDate", "localDate"),
            Map.entry("java.time.LocalTime", "localTime"),
            Map.entry("java.time.LocalDateTime", "localDateTime"),
            Map.entry("java.time.Instant", "instant"),
            Map.entry("java.time.ZoneId", "zoneId"),
            Map.entry("java.time.ZoneOffset", "zoneOffset"),
            Map.entry("java.time.OffsetDateTime", "offsetDateTime"),
            Map.entry("java.time.ZonedDateTime", "zonedDateTime"),
            Map.entry("java.time.Duration", "duration"),
            Map.entry("java.time.Period", "period"),
            Map.entry("java.math.BigDecimal", "bigDecimal"),
            Map.entry("java.math.BigInteger", "bigInteger"));

    /** Collections by declared type: what is made when one is read (an interface is read unmodifiable). */
    private static final Map<String, String[]> LISTS = Map.of(
            "java.util.List", new String[] {"java.util.ArrayList", "java.util.Collections.unmodifiableList"},
            "java.util.Collection", new String[] {"java.util.ArrayList", "java.util.Collections.unmodifiableList"},
            "java.util.ArrayList", new String[] {"java.util.ArrayList", ""},
            "java.util.Set", new String[] {"java.util.LinkedHashSet", "java.util.Collections.unmodifiableSet"},
            "java.util.HashSet", new String[] {"java.util.HashSet", ""},
            "java.util.LinkedHashSet", new String[] {"java.util.LinkedHashSet", ""},
            "java.util.SortedSet", new String[] {"java.util.TreeSet", "java.util.Collections.unmodifiableSortedSet"},
            "java.util.TreeSet", new String[] {"java.util.TreeSet", ""});
    private static final Map<String, String[]> MAPS = Map.of(
            "java.util.Map", new String[] {"java.util.LinkedHashMap", "java.util.Collections.unmodifiableMap"},
            "java.util.HashMap", new String[] {"java.util.HashMap", ""},
            "java.util.LinkedHashMap", new String[] {"java.util.LinkedHashMap", ""},
            "java.util.SortedMap", new String[] {"java.util.TreeMap", "java.util.Collections.unmodifiableSortedMap"},
            "java.util.TreeMap", new String[] {"java.util.TreeMap", ""});
    private static final Set<String> SIZED = Set.of("java.util.ArrayList", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.HashMap", "java.util.LinkedHashMap");

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element holder : round.getElementsAnnotatedWith(annotation)) {
                try {
                    new Generation((TypeElement) holder).run();
                } catch (Refusal r) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "BinaryForms: " + r.getMessage(),
                            r.element != null ? r.element : holder);
                } catch (IOException e) {
                    processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                            "BinaryForms: cannot write the codec: " + e.getMessage(), holder);
                }
            }
        }
        return true;
    }

    /** A type that cannot be written, said at the element that leads to it. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Element element;

        Refusal(String message, Element element) {
            super(message);
            this.element = element;
        }
    }

    /** A method's body, with fresh local names. */
    private static final class Code {
        final StringBuilder text = new StringBuilder();
        int indent = 2;
        int next;

        String fresh(String prefix) {
            return prefix + next++;
        }

        Code line(String s) {
            if (s.startsWith("}")) {
                indent--;
            }
            text.append("    ".repeat(indent)).append(s).append('\n');
            if (s.endsWith("{")) {
                indent++;
            }
            return this;
        }
    }

    /** One holder's codec class. */
    private final class Generation {
        private final TypeElement holder;
        private final String pkg;
        private final List<TypeElement> roots = new ArrayList<>();
        /** value class (qualified name) -> the record that stands for it */
        private final Map<String, TypeElement> forms = new LinkedHashMap<>();
        /** every type a method is written for, by its name in the methods */
        private final Map<TypeElement, String> names = new LinkedHashMap<>();
        private final Set<String> taken = new LinkedHashSet<>();
        private final Deque<TypeElement> pending = new ArrayDeque<>();
        private final Set<TypeElement> enums = new LinkedHashSet<>();
        private final Set<TypeElement> covered = new LinkedHashSet<>();
        private final StringBuilder methods = new StringBuilder();

        Generation(TypeElement holder) {
            this.holder = holder;
            this.pkg = ((PackageElement) elementUtils().getPackageOf(holder)).getQualifiedName().toString();
            AnnotationMirror mirror = holder.getAnnotationMirrors().stream()
                    .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION))
                    .findFirst().orElseThrow();
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
                String key = e.getKey().getSimpleName().toString();
                for (Object value : (List<?>) e.getValue().getValue()) {
                    TypeMirror type = (TypeMirror) ((AnnotationValue) value).getValue();
                    TypeElement element = (TypeElement) typeUtils().asElement(type);
                    if (key.equals("roots")) {
                        if (element.getKind() != ElementKind.RECORD) {
                            throw new Refusal("a root must be a record: " + element.getQualifiedName(), holder);
                        }
                        roots.add(element);
                    } else {
                        form(element);
                    }
                }
            }
        }

        private javax.lang.model.util.Elements elementUtils() {
            return processingEnv.getElementUtils();
        }

        private javax.lang.model.util.Types typeUtils() {
            return processingEnv.getTypeUtils();
        }

        /** A form: a record with static F of(V) and V value(). */
        private void form(TypeElement form) {
            if (form.getKind() != ElementKind.RECORD) {
                throw new Refusal("a form must be a record: " + form.getQualifiedName(), holder);
            }
            ExecutableElement value = ElementFilter.methodsIn(form.getEnclosedElements()).stream()
                    .filter(m -> m.getSimpleName().contentEquals("value") && m.getParameters().isEmpty()
                            && !m.getModifiers().contains(Modifier.STATIC) && m.getReturnType().getKind() == TypeKind.DECLARED)
                    .findFirst().orElseThrow(() -> new Refusal("a form declares V value()", form));
            TypeMirror valueType = value.getReturnType();
            boolean of = ElementFilter.methodsIn(form.getEnclosedElements()).stream()
                    .anyMatch(m -> m.getSimpleName().contentEquals("of") && m.getModifiers().contains(Modifier.STATIC)
                            && m.getParameters().size() == 1
                            && typeUtils().isSameType(m.getParameters().get(0).asType(), valueType)
                            && typeUtils().isSameType(m.getReturnType(), form.asType()));
            if (!of) {
                throw new Refusal("a form declares static " + form.getSimpleName() + " of(" + valueType + ")", form);
            }
            TypeElement valueClass = (TypeElement) typeUtils().asElement(valueType);
            forms.put(valueClass.getQualifiedName().toString(), form);
        }

        void run() throws IOException {
            for (TypeElement root : roots) {
                need(root, holder);
            }
            while (!pending.isEmpty()) {
                TypeElement type = pending.pop();
                if (type.getKind() == ElementKind.RECORD) {
                    record(type);
                } else {
                    sealed(type);
                }
            }
            write();
        }

        /** The name of {@code type}'s methods (w_Name, r_Name), queued to be written once. */
        private String need(TypeElement type, Element from) {
            String known = names.get(type);
            if (known != null) {
                return known;
            }
            accessible(type, from);
            if (!type.getTypeParameters().isEmpty()) {
                throw new Refusal(type.getQualifiedName() + " has type parameters: a codec needs the types of its components", from);
            }
            StringBuilder chain = new StringBuilder(type.getSimpleName());
            for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
                chain.insert(0, t.getSimpleName() + "_");
            }
            String name = chain.toString();
            for (int i = 2; taken.contains(name); i++) {
                name = chain + "" + i;
            }
            taken.add(name);
            names.put(type, name);
            covered.add(type);
            pending.add(type);
            return name;
        }

        private void accessible(TypeElement type, Element from) {
            for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
                boolean samePackage = elementUtils().getPackageOf(t).getQualifiedName().contentEquals(pkg);
                if (t.getModifiers().contains(Modifier.PRIVATE)
                        || (!t.getModifiers().contains(Modifier.PUBLIC) && !samePackage)) {
                    throw new Refusal(type.getQualifiedName() + " is not visible from " + pkg, from);
                }
            }
        }

        private String typeName(TypeMirror type, Element from) {
            switch (type.getKind()) {
                case BOOLEAN: case BYTE: case SHORT: case CHAR: case INT: case LONG: case FLOAT: case DOUBLE:
                    return type.getKind().name().toLowerCase(Locale.ROOT);
                case ARRAY:
                    return typeName(((ArrayType) type).getComponentType(), from) + "[]";
                case DECLARED:
                    DeclaredType declared = (DeclaredType) type;
                    String raw = ((TypeElement) declared.asElement()).getQualifiedName().toString();
                    if (declared.getTypeArguments().isEmpty()) {
                        return raw;
                    }
                    List<String> args = new ArrayList<>();
                    for (TypeMirror arg : declared.getTypeArguments()) {
                        args.add(typeName(arg, from));
                    }
                    return raw + "<" + String.join(", ", args) + ">";
                default:
                    throw new Refusal("cannot write a value of type " + type + " (only concrete types: no wildcard or type variable)", from);
            }
        }

        private TypeMirror argument(DeclaredType type, int index, int count, Element from) {
            List<? extends TypeMirror> args = type.getTypeArguments();
            if (args.size() != count) {
                throw new Refusal("cannot write the raw type " + type, from);
            }
            return args.get(index);
        }

        // ---- writing a value ------------------------------------------------------------------------------

        /** Statements writing the value of {@code type} held in the local {@code x}. */
        private void writeValue(TypeMirror type, String x, Code code, Element from) {
            switch (type.getKind()) {
                case BOOLEAN: code.line("out.bool(" + x + ");"); return;
                case BYTE: code.line("out.i8(" + x + ");"); return;
                case SHORT: code.line("out.i16(" + x + ");"); return;
                case CHAR: code.line("out.ch(" + x + ");"); return;
                case INT: code.line("out.i32(" + x + ");"); return;
                case LONG: code.line("out.i64(" + x + ");"); return;
                case FLOAT: code.line("out.f32(" + x + ");"); return;
                case DOUBLE: code.line("out.f64(" + x + ");"); return;
                case ARRAY: {
                    TypeMirror component = ((ArrayType) type).getComponentType();
                    code.line("if (" + x + " == null) {").line("out.count(-1);").line("} else {");
                    code.line("out.count(" + x + ".length);");
                    String e = code.fresh("e");
                    code.line("for (" + typeName(component, from) + " " + e + " : " + x + ") {");
                    writeValue(component, e, code, from);
                    code.line("}").line("}");
                    return;
                }
                case DECLARED:
                    break;
                default:
                    typeName(type, from); // refuses
                    return;
            }
            DeclaredType declared = (DeclaredType) type;
            TypeElement element = (TypeElement) declared.asElement();
            String q = element.getQualifiedName().toString();
            if (KNOWN.containsKey(q)) {
                code.line("out." + KNOWN.get(q) + "(" + x + ");");
            } else if (LISTS.containsKey(q)) {
                TypeMirror item = argument(declared, 0, 1, from);
                code.line("if (" + x + " == null) {").line("out.count(-1);").line("} else {");
                code.line("out.count(" + x + ".size());");
                String e = code.fresh("e");
                code.line("for (" + typeName(item, from) + " " + e + " : " + x + ") {");
                writeValue(item, e, code, from);
                code.line("}").line("}");
            } else if (MAPS.containsKey(q)) {
                TypeMirror key = argument(declared, 0, 2, from);
                TypeMirror value = argument(declared, 1, 2, from);
                code.line("if (" + x + " == null) {").line("out.count(-1);").line("} else {");
                code.line("out.count(" + x + ".size());");
                String e = code.fresh("e");
                code.line("for (java.util.Map.Entry<" + typeName(key, from) + ", " + typeName(value, from) + "> " + e + " : "
                        + x + ".entrySet()) {");
                String k = code.fresh("k");
                String v = code.fresh("v");
                code.line(typeName(key, from) + " " + k + " = " + e + ".getKey();");
                writeValue(key, k, code, from);
                code.line(typeName(value, from) + " " + v + " = " + e + ".getValue();");
                writeValue(value, v, code, from);
                code.line("}").line("}");
            } else if (q.equals("java.util.Optional")) {
                TypeMirror item = argument(declared, 0, 1, from);
                code.line("out.u32(" + x + " == null ? 0 : " + x + ".isPresent() ? 2 : 1);");
                code.line("if (" + x + " != null && " + x + ".isPresent()) {");
                String v = code.fresh("v");
                code.line(typeName(item, from) + " " + v + " = " + x + ".get();");
                writeValue(item, v, code, from);
                code.line("}");
            } else if (element.getKind() == ElementKind.ENUM) {
                enumTable(element, from);
                code.line("out.u32(" + x + " == null ? 0 : " + x + ".ordinal() + 1);");
            } else if (element.getKind() == ElementKind.RECORD) {
                String name = need(element, from);
                code.line("out.present(" + x + " != null);");
                code.line("if (" + x + " != null) {").line("w_" + name + "(out, " + x + ");").line("}");
            } else if (element.getKind() == ElementKind.INTERFACE && element.getModifiers().contains(Modifier.SEALED)) {
                code.line("w_" + need(element, from) + "(out, " + x + ");");
            } else if (forms.containsKey(q)) {
                TypeElement form = forms.get(q);
                String name = need(form, from);
                code.line("out.present(" + x + " != null);");
                code.line("if (" + x + " != null) {")
                        .line("w_" + name + "(out, " + form.getQualifiedName() + ".of(" + x + "));").line("}");
                covered.add(element);
            } else {
                throw new Refusal("cannot write " + q + ": not a record, an enum, a sealed interface or a value type the "
                        + "codec knows; write it through a form (BinaryForms.forms)", from);
            }
        }

        // ---- reading a value ------------------------------------------------------------------------------

        /** Statements reading a value of {@code type}; returns the local that holds it. */
        private String readValue(TypeMirror type, Code code, Element from) {
            String v = code.fresh("v");
            String t = typeName(type, from);
            switch (type.getKind()) {
                case BOOLEAN: code.line(t + " " + v + " = in.bool();"); return v;
                case BYTE: code.line(t + " " + v + " = in.i8();"); return v;
                case SHORT: code.line(t + " " + v + " = in.i16();"); return v;
                case CHAR: code.line(t + " " + v + " = in.ch();"); return v;
                case INT: code.line(t + " " + v + " = in.i32();"); return v;
                case LONG: code.line(t + " " + v + " = in.i64();"); return v;
                case FLOAT: code.line(t + " " + v + " = in.f32();"); return v;
                case DOUBLE: code.line(t + " " + v + " = in.f64();"); return v;
                case ARRAY: {
                    TypeMirror component = ((ArrayType) type).getComponentType();
                    if (component.getKind() == TypeKind.DECLARED && !((DeclaredType) component).getTypeArguments().isEmpty()) {
                        throw new Refusal("cannot read an array of a generic type: " + type, from);
                    }
                    String n = code.fresh("n");
                    code.line(t + " " + v + ";");
                    code.line("int " + n + " = in.count();");
                    code.line("if (" + n + " < 0) {").line(v + " = null;").line("} else {");
                    String base = typeName(component, from);
                    int dims = 0;
                    while (base.endsWith("[]")) {
                        base = base.substring(0, base.length() - 2);
                        dims++;
                    }
                    code.line(v + " = new " + base + "[" + n + "]" + "[]".repeat(dims) + ";");
                    String i = code.fresh("i");
                    code.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {");
                    String e = readValue(component, code, from);
                    code.line(v + "[" + i + "] = " + e + ";");
                    code.line("}").line("}");
                    return v;
                }
                case DECLARED:
                    break;
                default:
                    typeName(type, from);
                    return v;
            }
            DeclaredType declared = (DeclaredType) type;
            TypeElement element = (TypeElement) declared.asElement();
            String q = element.getQualifiedName().toString();
            if (KNOWN.containsKey(q)) {
                code.line(t + " " + v + " = in." + KNOWN.get(q) + "();");
            } else if (LISTS.containsKey(q)) {
                TypeMirror item = argument(declared, 0, 1, from);
                String[] made = LISTS.get(q);
                String n = code.fresh("n");
                String a = code.fresh("a");
                code.line(t + " " + v + ";");
                code.line("int " + n + " = in.count();");
                code.line("if (" + n + " < 0) {").line(v + " = null;").line("} else {");
                code.line(made[0] + "<" + typeName(item, from) + "> " + a + " = new " + made[0] + "<>("
                        + (SIZED.contains(made[0]) ? capacity(made[0], n) : "") + ");");
                String i = code.fresh("i");
                code.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {");
                String e = readValue(item, code, from);
                code.line(a + ".add(" + e + ");");
                code.line("}");
                code.line(v + " = " + (made[1].isEmpty() ? a : made[1] + "(" + a + ")") + ";");
                code.line("}");
            } else if (MAPS.containsKey(q)) {
                TypeMirror key = argument(declared, 0, 2, from);
                TypeMirror value = argument(declared, 1, 2, from);
                String[] made = MAPS.get(q);
                String n = code.fresh("n");
                String a = code.fresh("a");
                code.line(t + " " + v + ";");
                code.line("int " + n + " = in.count();");
                code.line("if (" + n + " < 0) {").line(v + " = null;").line("} else {");
                code.line(made[0] + "<" + typeName(key, from) + ", " + typeName(value, from) + "> " + a + " = new "
                        + made[0] + "<>(" + (SIZED.contains(made[0]) ? capacity(made[0], n) : "") + ");");
                String i = code.fresh("i");
                code.line("for (int " + i + " = 0; " + i + " < " + n + "; " + i + "++) {");
                String k = readValue(key, code, from);
                String e = readValue(value, code, from);
                code.line(a + ".put(" + k + ", " + e + ");");
                code.line("}");
                code.line(v + " = " + (made[1].isEmpty() ? a : made[1] + "(" + a + ")") + ";");
                code.line("}");
            } else if (q.equals("java.util.Optional")) {
                TypeMirror item = argument(declared, 0, 1, from);
                String s = code.fresh("s");
                code.line(t + " " + v + ";");
                code.line("int " + s + " = in.u32();");
                code.line("if (" + s + " == 0) {").line(v + " = null;").line("} else if (" + s + " == 1) {")
                        .line(v + " = java.util.Optional.empty();").line("} else if (" + s + " == 2) {");
                String e = readValue(item, code, from);
                code.line(v + " = java.util.Optional.of(" + e + ");");
                code.line("} else {").line("throw in.corrupt();").line("}");
            } else if (element.getKind() == ElementKind.ENUM) {
                String table = enumTable(element, from);
                String o = code.fresh("o");
                code.line("int " + o + " = in.u32();");
                code.line(t + " " + v + " = " + o + " == 0 ? null : " + table + "[" + o + " - 1];");
            } else if (element.getKind() == ElementKind.RECORD) {
                code.line(t + " " + v + " = in.present() ? r_" + need(element, from) + "(in) : null;");
            } else if (element.getKind() == ElementKind.INTERFACE && element.getModifiers().contains(Modifier.SEALED)) {
                code.line(t + " " + v + " = r_" + need(element, from) + "(in);");
            } else if (forms.containsKey(q)) {
                code.line(t + " " + v + " = in.present() ? r_" + need(forms.get(q), from) + "(in).value() : null;");
                covered.add(element);
            } else {
                throw new Refusal("cannot read " + q + ": not a record, an enum, a sealed interface or a value type the "
                        + "codec knows; write it through a form (BinaryForms.forms)", from);
            }
            return v;
        }

        private String capacity(String made, String n) {
            return made.endsWith("List") ? n : n + " < 12 ? 16 : (int) (" + n + " / 0.75f) + 1";
        }

        private String enumTable(TypeElement element, Element from) {
            accessible(element, from);
            covered.add(element);
            enums.add(element);
            return "E_" + element.getQualifiedName().toString().replace('.', '_');
        }

        // ---- the methods of one type ----------------------------------------------------------------------

        private void record(TypeElement type) {
            String name = names.get(type);
            String t = type.getQualifiedName().toString();
            Code write = new Code();
            Code read = new Code();
            List<String> read0 = new ArrayList<>();
            for (RecordComponentElement component : type.getRecordComponents()) {
                TypeMirror ct = component.asType();
                String x = write.fresh("c");
                write.line(typeName(ct, component) + " " + x + " = x." + component.getAccessor().getSimpleName() + "();");
                writeValue(ct, x, write, component);
                read0.add(readValue(ct, read, component));
            }
            methods.append("    private static void w_").append(name).append("(").append(RUNTIME).append("BinaryOut out, ")
                    .append(t).append(" x) {\n").append(write.text).append("    }\n\n");
            methods.append("    private static ").append(t).append(" r_").append(name).append("(").append(RUNTIME)
                    .append("BinaryIn in) {\n").append(read.text)
                    .append("        return new ").append(t).append("(").append(String.join(", ", read0)).append(");\n")
                    .append("    }\n\n");
        }

        /** A sealed interface: 0 for null, then 1, 2, ... for each permitted type in declaration order. */
        private void sealed(TypeElement type) {
            String name = names.get(type);
            String t = type.getQualifiedName().toString();
            Code write = new Code();
            Code read = new Code();
            write.line("if (x == null) {").line("out.u32(0);");
            read.line("switch (in.u32()) {");
            read.line("case 0: return null;");
            int tag = 1;
            for (TypeMirror permitted : type.getPermittedSubclasses()) {
                TypeElement sub = (TypeElement) typeUtils().asElement(permitted);
                String st = sub.getQualifiedName().toString();
                write.line("} else if (x instanceof " + st + ") {").line("out.u32(" + tag + ");");
                if (sub.getKind() == ElementKind.RECORD) {
                    String sn = need(sub, type);
                    write.line("w_" + sn + "(out, (" + st + ") x);");
                    read.line("case " + tag + ": return r_" + sn + "(in);");
                } else if (sub.getKind() == ElementKind.ENUM) {
                    String table = enumTable(sub, type);
                    write.line("out.u32(((" + st + ") x).ordinal());");
                    read.line("case " + tag + ": return " + table + "[in.u32()];");
                } else if (sub.getKind() == ElementKind.INTERFACE && sub.getModifiers().contains(Modifier.SEALED)) {
                    String sn = need(sub, type);
                    write.line("w_" + sn + "(out, (" + st + ") x);");
                    read.line("case " + tag + ": return r_" + sn + "(in);");
                } else {
                    throw new Refusal("cannot write " + st + ", permitted by " + t
                            + ": a sealed interface's types must be records, enums or sealed interfaces", type);
                }
                tag++;
            }
            write.line("} else {").line("throw new IllegalArgumentException(x.getClass().getName());").line("}");
            read.line("default: throw in.corrupt();").line("}");
            methods.append("    private static void w_").append(name).append("(").append(RUNTIME).append("BinaryOut out, ")
                    .append(t).append(" x) {\n").append(write.text).append("    }\n\n");
            methods.append("    private static ").append(t).append(" r_").append(name).append("(").append(RUNTIME)
                    .append("BinaryIn in) {\n").append(read.text).append("    }\n\n");
        }

        private String constant(TypeElement root) {
            return names.get(root).replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace("__", "_").toUpperCase(Locale.ROOT);
        }

        private void write() throws IOException {
            String simple = holder.getSimpleName() + "Codec";
            StringBuilder out = new StringBuilder();
            out.append("package ").append(pkg).append(";\n\n");
            out.append("/**\n * Generated by dev.truce.processor.CodecProcessor from the record components of the roots named in\n")
                    .append(" * {@link ").append(holder.getSimpleName()).append("} and of every type they reach: do not edit.\n */\n");
            out.append("final class ").append(simple).append(" {\n");
            for (TypeElement root : roots) {
                String t = root.getQualifiedName().toString();
                out.append("    static final ").append(RUNTIME).append("BinaryCodec<").append(t).append("> ")
                        .append(constant(root)).append(" = new ").append(RUNTIME).append("BinaryCodec<").append(t)
                        .append(">() {\n")
                        .append("        @Override\n        public void write(").append(RUNTIME).append("BinaryOut out, ")
                        .append(t).append(" value) {\n            w_").append(names.get(root))
                        .append("(out, java.util.Objects.requireNonNull(value));\n        }\n\n")
                        .append("        @Override\n        public ").append(t).append(" read(").append(RUNTIME)
                        .append("BinaryIn in) {\n            return r_").append(names.get(root)).append("(in);\n        }\n    };\n");
            }
            out.append("\n    /** The roots, as named in the annotation. */\n");
            out.append("    static final java.util.List<Class<?>> ROOTS = java.util.List.of(");
            out.append(String.join(", ", roots.stream().map(r -> r.getQualifiedName() + ".class").toList())).append(");\n");
            out.append("\n    /** Every record, enum, sealed interface and formed class the codec writes. */\n");
            out.append("    static final java.util.List<Class<?>> TYPES = java.util.List.of(\n            ");
            out.append(String.join(",\n            ", covered.stream().map(r -> r.getQualifiedName() + ".class").toList()))
                    .append(");\n\n");
            for (TypeElement e : enums) {
                String q = e.getQualifiedName().toString();
                out.append("    private static final ").append(q).append("[] E_").append(q.replace('.', '_')).append(" = ")
                        .append(q).append(".values();\n");
            }
            out.append("\n    private ").append(simple).append("() {\n    }\n\n");
            out.append(methods);
            out.setLength(out.length() - 1);
            out.append("}\n");
            try (Writer w = processingEnv.getFiler().createSourceFile(pkg + "." + simple, holder).openWriter()) {
                w.write(out.toString());
            }
        }
    }
}
