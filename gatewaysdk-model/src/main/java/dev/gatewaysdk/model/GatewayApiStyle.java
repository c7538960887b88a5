package dev.gatewaysdk.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the model: the abstract class is the public type ({@code
 * HTTPRouteRule}), its generated implementation stays package-private, builders start from {@code
 * builder()}, collections are depluralized ({@code addMatch}), and copies come from the generated
 * {@code With*} interfaces ({@code withName(...)}, callable on the public type). JSON goes through
 * streaming codecs in {@code model.internal} ({@code @JsonSerialize(using = ...)},
 * {@code @JsonDeserialize(using = ...)}) that call the builders directly: no reflection and no
 * intermediate objects per value.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
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
    typeWith = "With*",
    get = {"is*", "get*"},
    defaultAsDefault = true,
    allParameters = false,
    jacksonIntegration = true,
    forceJacksonPropertyNames = false,
    headerComments = false)
public @interface GatewayApiStyle {}
