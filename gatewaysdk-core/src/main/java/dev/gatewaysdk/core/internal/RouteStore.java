package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The reads and writes the route manager needs, on JSON: one implementation over the API, one in
 * tests.
 */
public interface RouteStore {
  ObjectNode get(String kind, String namespace, String name);

  ObjectNode patch(String kind, String namespace, String name, ArrayNode jsonPatch, boolean dryRun);

  ObjectNode create(String kind, String namespace, ObjectNode route, boolean dryRun);

  /** The apiVersion to create {@code kind} with. */
  String apiVersion(String kind);

  /**
   * Whether the cluster's schema of {@code kind} has the field at {@code path} (dotted, arrays
   * implicit: {@code spec.rules.filters.requestMirror.percent}); empty when the schema cannot be
   * read.
   */
  Optional<Boolean> hasField(String kind, String path);

  /** {@code Gateway API v1.0.0, standard channel}. */
  String describeCluster();
}
