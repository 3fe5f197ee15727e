package org.parley.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of Parley's public API: what a strategy plugin or a program embedding Parley may
 * use. Within a major version its public members are only added to, never removed or changed in
 * meaning; a method added to an interface has a default. Everything not marked may change in any
 * release.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Stable {

    /** The Parley version in which the type joined the stable API. */
    String since() default "0.1";
}
