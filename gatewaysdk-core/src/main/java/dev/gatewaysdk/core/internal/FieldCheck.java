package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.ApiStatus;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.InvalidException;
import dev.gatewaysdk.core.UnsupportedByClusterException;
import dev.gatewaysdk.core.validation.Cause;
import dev.gatewaysdk.core.validation.GatewayApiValidator;
import dev.gatewaysdk.core.validation.ValidationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails writes that use fields the cluster's CRD does not declare (the server would drop them
 * silently), naming the fields and the cluster's Gateway API. Schemas are read once per kind; if
 * they cannot be read the check passes and the server decides.
 */
public final class FieldCheck {
  private static final Logger LOG = LoggerFactory.getLogger(FieldCheck.class);

  private final RawClient raw;
  private final boolean enabled;
  private final Map<String, Optional<JsonNode>> schemas = new ConcurrentHashMap<>();
  private final GatewayApiValidator validator;

  public FieldCheck(RawClient raw, boolean enabled, GatewayApiValidator validator) {
    this.raw = raw;
    this.enabled = enabled;
    this.validator = validator;
  }

  /**
   * Validates a whole object client-side before create or update, when a validator is configured.
   *
   * @throws InvalidException with the validator's causes, like the server's 422
   */
  void validate(JsonNode body) {
    if (validator == null) {
      return;
    }
    ValidationResult r = validator.validate(body);
    if (!r.valid()) {
      List<ApiStatus.Cause> causes = new ArrayList<>();
      for (Cause c : r.causes()) {
        causes.add(ApiStatus.Cause.of(c.field(), c.reason(), c.message()));
      }
      ApiStatus status =
          ApiStatus.of(
              r.statusCode(),
              r.statusCode() == 400 ? "BadRequest" : "Invalid",
              r.statusMessage(),
              r.name(),
              r.kind(),
              causes,
              Optional.empty());
      throw new InvalidException("client-side validation: " + r.statusMessage(), status, null);
    }
  }

  /** The openAPIV3Schema of {@code kind} at the served version, if readable. */
  public Optional<JsonNode> schema(String kind) {
    return schemas.computeIfAbsent(kind, this::load);
  }

  private Optional<JsonNode> load(String kind) {
    String version = raw.version(kind);
    String path =
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
            + Kinds.require(kind).plural
            + "."
            + Kinds.GROUP;
    try {
      JsonNode crd =
          Json.mapper().readTree(raw.transport().send(Transport.Req.of("GET", path)).body);
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (version.equals(v.path("name").asText())) {
          return Optional.of(v.path("schema").path("openAPIV3Schema"));
        }
      }
    } catch (GatewayApiException | IOException e) {
      LOG.debug("cannot read the CRD schema of {}: {}", kind, e.getMessage());
    }
    return Optional.empty();
  }

  void check(String kind, JsonNode body, String part) {
    if (!enabled || !body.has(part)) {
      return;
    }
    Optional<JsonNode> schema = schema(kind);
    if (schema.isEmpty()) {
      return;
    }
    List<String> undeclared =
        Schemas.undeclared(schema.get().path("properties").path(part), body.get(part), part);
    if (!undeclared.isEmpty()) {
      throw new UnsupportedByClusterException(
          kind
              + " field"
              + (undeclared.size() > 1 ? "s " : " ")
              + String.join(", ", undeclared)
              + (undeclared.size() > 1 ? " are" : " is")
              + " not served by this cluster ("
              + raw.capabilities().describe()
              + ", "
              + kind
              + " "
              + raw.version(kind)
              + "); install a Gateway API release or channel that has "
              + (undeclared.size() > 1 ? "them" : "it")
              + ", or remove "
              + (undeclared.size() > 1 ? "them" : "it"));
    }
  }
}
