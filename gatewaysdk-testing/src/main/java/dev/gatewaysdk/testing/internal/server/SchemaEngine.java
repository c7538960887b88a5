package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Structural-schema defaulting and validation of custom resources. The server calls it on create,
 * update, patch and apply; {@link #PASS_THROUGH} accepts everything unchanged.
 */
interface SchemaEngine {
  SchemaEngine PASS_THROUGH =
      new SchemaEngine() {
        @Override
        public ObjectNode defaults(ResourceType type, String version, ObjectNode obj) {
          return obj;
        }

        @Override
        public Outcome validate(
            ResourceType type,
            String version,
            ObjectNode obj,
            ObjectNode old,
            String mode,
            boolean status) {
          return Outcome.OK;
        }

        @Override
        public ObjectNode prune(ResourceType type, String version, ObjectNode obj) {
          return obj;
        }
      };

  /** {@code obj} without the fields the schema does not declare, as the server stores it. */
  ObjectNode prune(ResourceType type, String version, ObjectNode obj);

  /** {@code obj} with schema defaults applied (may be {@code obj} itself, modified). */
  ObjectNode defaults(ResourceType type, String version, ObjectNode obj);

  /**
   * Validates {@code obj} ({@code old} on updates) with field validation {@code mode} Strict, Warn
   * or Ignore; {@code status}: a write of the status subresource, whose status is what is
   * validated.
   */
  Outcome validate(
      ResourceType type,
      String version,
      ObjectNode obj,
      ObjectNode old,
      String mode,
      boolean status);

  /** Causes are {field, reason, message}; unknown are field paths not declared in the schema. */
  final class Outcome {
    static final Outcome OK = new Outcome(List.of(), List.of(), List.of());
    final List<String[]> causes;
    final List<String> warnings;
    final List<String> unknownFields;

    Outcome(List<String[]> causes, List<String> warnings, List<String> unknownFields) {
      this.causes = causes;
      this.warnings = warnings;
      this.unknownFields = unknownFields;
    }
  }

  /**
   * Starts compiling a CRD ahead of use; the result (or a Future of it) is kept on the resource
   * type.
   */
  default Object prepare(JsonNode crd) {
    return null;
  }
}
