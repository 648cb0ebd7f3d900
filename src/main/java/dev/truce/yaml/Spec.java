package dev.truce.yaml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A record that one YAML mapping is read into, as {@link SpecBinder} reads it and {@link SchemaWriter} describes it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Spec {
    /** What the mapping is, for the editor schema. */
    String doc();

    /** What a person is told when the mapping is missing its required keys: "a mapping with ...". */
    String expected() default "";

    /** Keys that must never be written here, each followed by why: {"password", "a password must not ..."}. */
    String[] forbidden() default {};

    /** Extra JSON Schema keywords for the mapping (rules across its keys that the record also checks). */
    String schema() default "";
}
