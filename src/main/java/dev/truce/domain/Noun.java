package dev.truce.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What one value of a {@link Labelled} enum is called in messages: "'x' is not a stance". */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Noun {
    String value();
}
