package dev.gatewaysdk.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the ten top-level kinds: {@link GatewayApiStyle} plus nested builders for
 * metadata and spec ({@code metadataBuilder()}, {@code specBuilder()}), which the kinds' shortcuts
 * ({@code name(..)}, {@code parentRef(..)}, {@code rule(..)}) edit in place until {@code build()}.
 *
 * <p>A second style rather than one setting more on the package's: Immutables styles do not
 * compose, and nested builders on every type would turn each nested value set while reading JSON
 * into a copy. Keep the two in step.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {
      "match:matches",
      "address:addresses",
      "status:statuses",
      "policy:policies",
      "class:classes"
    },
    get = {"is*", "get*"},
    defaultAsDefault = true,
    allParameters = false,
    jacksonIntegration = true,
    forceJacksonPropertyNames = false,
    attributeBuilderDetection = true,
    headerComments = false)
@interface GatewayApiKindStyle {}
