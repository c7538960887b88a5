package dev.gatewaysdk.model.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection attribute of a model value that may hold {@code null} elements or values;
 * Immutables recognizes the annotation by its simple name. Used for unknown fields, where JSON
 * {@code null} is data.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD})
public @interface AllowNulls {}
