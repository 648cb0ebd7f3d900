package dev.truce.yaml;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A checked {@link TruceFile} in a compact binary form for {@link SnapshotCache}; the path and label are the caller's. */
final class TruceFileCodec {
    private TruceFileCodec() {
    }

    static void encode(TruceFile file, Binary.Writer out) throws IOException {
        Register register = file.register();
        truce(register.truce(), out);
        ints(register.alerts().thresholds(), out);
        strings(register.alerts().recipients(), out);
        out.writeInt(register.staleAfterDays());
        out.writeInt(register.obligations().size());
        for (Obligation o : register.obligations()) {
            obligation(o, out);
        }
        out.writeText(file.evidenceFile().toString());
        out.writeText(file.stateDirectory().toString());
        SmtpConfig smtp = file.smtp();
        string(smtp.host(), out);
        out.writeInt(smtp.port() == null ? -1 : smtp.port());
        string(smtp.security(), out);
        string(smtp.username(), out);
        string(smtp.from(), out);
        string(smtp.passwordFile() == null ? null : smtp.passwordFile().toString(), out);
        string(file.schedule(), out);
        string(file.alertZone() == null ? null : file.alertZone().getId(), out);
        string(file.cluster(), out);
        out.writeInt(file.lines().size());
        for (Map.Entry<String, Integer> line : file.lines().entrySet()) {
            out.writeText(line.getKey());
            out.writeInt(line.getValue());
        }
    }

    static TruceFile decode(Binary.Reader in, Path path, String label) throws IOException {
        Truce truce = truce(in);
        AlertSettings alerts = new AlertSettings(ints(in), strings(in));
        int stale = in.readInt();
        int count = in.readInt();
        List<Obligation> obligations = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            obligations.add(obligation(in));
        }
        Path evidence = Path.of(in.readText());
        Path state = Path.of(in.readText());
        String host = string(in);
        int port = in.readInt();
        String security = string(in);
        String username = string(in);
        String from = string(in);
        String passwordFile = string(in);
        SmtpConfig smtp = new SmtpConfig(host, port < 0 ? null : port, security, username, from,
                passwordFile == null ? null : Path.of(passwordFile));
        String schedule = string(in);
        String zone = string(in);
        String cluster = string(in);
        int lineCount = in.readInt();
        Map<String, Integer> lines = new HashMap<>(lineCount * 2);
        for (int i = 0; i < lineCount; i++) {
            lines.put(in.readText(), in.readInt());
        }
        return new TruceFile(path, label, new Register(truce, alerts, obligations, stale), evidence, state, smtp,
                schedule, zone == null ? null : ZoneId.of(zone), cluster, lines);
    }

    private static void truce(Truce t, Binary.Writer out) throws IOException {
        out.writeText(t.id());
        out.writeText(t.title());
        strings(t.parties(), out);
        string(t.announced() == null ? null : t.announced().toString(), out);
        out.writeMoment(t.effective());
        out.writeText(t.zone().getId());
        out.writeInt(t.days());
        extensions(t.extensions(), out);
        strings(t.sources(), out);
        string(t.note(), out);
    }

    private static Truce truce(Binary.Reader in) throws IOException {
        String id = in.readText();
        String title = in.readText();
        List<String> parties = strings(in);
        String announced = string(in);
        Moment effective = in.readMoment(new HashMap<>());
        ZoneId zone = ZoneId.of(in.readText());
        int days = in.readInt();
        return new Truce(id, title, parties, announced == null ? null : LocalDate.parse(announced), effective, zone,
                days, extensions(in), strings(in), string(in));
    }

    private static void obligation(Obligation o, Binary.Writer out) throws IOException {
        out.writeText(o.id());
        out.writeText(o.title());
        out.writeText(o.party());
        out.writeByte(o.kind().ordinal());
        out.writeMoment(o.effective());
        out.writeByte(o.due().type().ordinal());
        out.writeMoment(o.due().fixed());
        extensions(o.extensions(), out);
        string(o.owner(), out);
        strings(o.recipients(), out);
        strings(o.hts(), out);
        strings(o.sources(), out);
        strings(o.dependsOn(), out);
        string(o.note(), out);
    }

    private static Obligation obligation(Binary.Reader in) throws IOException {
        String id = in.readText();
        String title = in.readText();
        String party = in.readText();
        Kind kind = Kind.values()[in.readByte()];
        Moment effective = in.readMoment(new HashMap<>());
        Due.Type type = Due.Type.values()[in.readByte()];
        Moment fixed = in.readMoment(new HashMap<>());
        Due due = switch (type) {
            case TRUCE_END -> Due.TRUCE_END;
            case NONE -> Due.NONE;
            case FIXED -> Due.at(fixed);
        };
        return new Obligation(id, title, party, kind, effective, due, extensions(in), string(in), strings(in),
                strings(in), strings(in), strings(in), string(in));
    }

    private static void extensions(List<Extension> extensions, Binary.Writer out) throws IOException {
        out.writeInt(extensions.size());
        for (Extension e : extensions) {
            string(e.decided() == null ? null : e.decided().toString(), out);
            out.writeMoment(e.until());
            out.writeText(e.source());
            string(e.note(), out);
        }
    }

    private static List<Extension> extensions(Binary.Reader in) throws IOException {
        int count = in.readInt();
        List<Extension> extensions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String decided = string(in);
            extensions.add(new Extension(decided == null ? null : LocalDate.parse(decided), in.readMoment(new HashMap<>()), in.readText(), string(in)));
        }
        return extensions;
    }

    private static void string(String value, Binary.Writer out) throws IOException {
        out.writeOptional(value);
    }

    private static String string(Binary.Reader in) throws IOException {
        return in.readOptional();
    }

    private static void strings(List<String> values, Binary.Writer out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeText(value);
        }
    }

    private static List<String> strings(Binary.Reader in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readText());
        }
        return values;
    }

    private static void ints(List<Integer> values, Binary.Writer out) throws IOException {
        out.writeInt(values.size());
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static List<Integer> ints(Binary.Reader in) throws IOException {
        int count = in.readInt();
        List<Integer> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readInt());
        }
        return values;
    }
}
