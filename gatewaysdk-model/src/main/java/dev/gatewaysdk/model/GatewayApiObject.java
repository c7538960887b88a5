package dev.gatewaysdk.model;

import java.util.Map;

/**
 * A Gateway API object of any kind: an immutable value with API version, kind and metadata.
 *
 * <p>Every kind keeps the API version it was read with (for example {@code
 * gateway.networking.k8s.io/v1beta1}) and fields this SDK does not know; {@link
 * #withApiVersion(String)} re-targets an object to another served version. {@link
 * GatewayApiKind#of(Class)} maps an implementation class to its kind.
 */
public interface GatewayApiObject {
  /** The API version, such as {@code gateway.networking.k8s.io/v1}. */
  String apiVersion();

  /** The kind, such as {@code HTTPRoute}. */
  String kind();

  /** The object metadata. */
  ObjectMeta metadata();

  /**
   * Top-level fields this SDK does not model, kept so that writing the object back loses nothing.
   */
  Map<String, Object> unknownFields();

  /**
   * A copy with API version {@code apiVersion}, such as {@code gateway.networking.k8s.io/v1beta1}.
   */
  GatewayApiObject withApiVersion(String apiVersion);

  /** A copy with {@code metadata}. */
  GatewayApiObject withMetadata(ObjectMeta metadata);
}
