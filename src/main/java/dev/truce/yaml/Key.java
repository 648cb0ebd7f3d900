package dev.truce.yaml;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One key of a spec record: everything the reader checks and the editor schema says about it, in one
 * place. The component's type says what the value is (text, a whole number, a moment, a list, another
 * spec record, ...); the attributes add what the type cannot. For a list, the checks apply to each item.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {
    /** The key in the file; default: the component's name in snake_case. */
    String name() default "";

    boolean required() default false;

    /** What the key means: the editor shows it, and it is the schema's description. */
    String doc();

    /** The "(expected ...)" of messages; default: what the type expects. */
    String expected() default "";

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    /** Text must not contain a line break (names shown in table cells). */
    boolean oneLine() default false;

    /** Text must match this regular expression (whole value); {@link #expected()} says what it means. */
    String pattern() default "";

    /** An email address, checked as the mail library will check it when sending. */
    boolean email() default false;

    /** A web address, http:// or https:// only. */
    boolean webAddress() default false;

    /** The longest text accepted (storage limits: ids go into the alert ledger). */
    int maxLength() default Integer.MAX_VALUE;

    /** The default, as written in the file, for the schema (the spec record applies it). */
    String defaultValue() default "";

    /** Extra JSON Schema keywords for this key, merged into what the type gives (rules the record also checks). */
    String schema() default "";
}
