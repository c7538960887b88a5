package dev.gatewaysdk.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.FieldValidation;
import dev.gatewaysdk.core.validation.internal.CrdFiles;
import dev.gatewaysdk.model.Channel;
import dev.gatewaysdk.model.CrdSource;
import dev.gatewaysdk.model.CrdSourceException;
import dev.gatewaysdk.model.ServedVersions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates Gateway API objects (or any custom resources) against a set of {@link CompiledCrd}s
 * keyed by group and kind, choosing the CRD and version from each object's {@code apiVersion} and
 * {@code kind}. Immutable and thread-safe; {@link #forRelease} instances are cached per JVM.
 *
 * <pre>{@code
 * GatewayApiValidator validator = GatewayApiValidator.forRelease(CrdSource.LATEST_RELEASE, Channel.STANDARD);
 * ValidationResult result = validator.validate(routeTree);
 * if (!result.valid()) System.err.println(result.kubectlMessage());
 * }</pre>
 */
public final class GatewayApiValidator {
  /** The API groups {@link #fromCluster} reads. */
  public static final Set<String> GATEWAY_API_GROUPS =
      Set.of(ServedVersions.GROUP, ServedVersions.EXPERIMENTAL_GROUP);

  private static final Map<String, GatewayApiValidator> RELEASES = new ConcurrentHashMap<>();
  private static final ObjectMapper JSON_MAPPER = new ObjectMapper();

  private final Map<String, CompiledCrd> byGroupKind;
  private final String description;

  private GatewayApiValidator(Collection<CompiledCrd> crds, String description) {
    Map<String, CompiledCrd> m = new LinkedHashMap<>();
    for (CompiledCrd c : crds) {
      m.put(c.group() + "/" + c.kind(), c);
    }
    this.byGroupKind = Map.copyOf(m);
    this.description = description;
  }

  /**
   * The validator of a Gateway API release and channel, with CRDs from {@link
   * CrdSource#fromEnvironment()}; compiled once per JVM.
   *
   * @throws CrdSourceException if the release's CRDs are not available
   * @throws CrdCompileException if a CRD does not compile
   */
  public static GatewayApiValidator forRelease(String release, Channel channel) {
    CrdSource source = CrdSource.fromEnvironment();
    String key =
        release + "/" + channel.id() + "/" + source.directory().map(Path::toString).orElse("");
    return RELEASES.computeIfAbsent(
        key,
        k -> {
          Path manifest = source.installManifest(release, channel);
          List<CompiledCrd> crds =
              CrdFiles.read(manifest).stream().map(CompiledCrd::compile).toList();
          return new GatewayApiValidator(crds, "Gateway API " + release + " " + channel.id());
        });
  }

  /**
   * A validator of the CRDs in the given files or directories (multi-document YAML or JSON;
   * documents of other kinds are skipped).
   *
   * @throws CrdSourceException naming a file that cannot be read or parsed
   * @throws CrdCompileException if a CRD does not compile
   */
  public static GatewayApiValidator fromFiles(Path... filesOrDirs) {
    List<CompiledCrd> crds = new ArrayList<>();
    for (Path p : filesOrDirs) {
      CrdFiles.read(p).forEach(c -> crds.add(CompiledCrd.compile(c)));
    }
    return new GatewayApiValidator(crds, "CRDs from " + List.of(filesOrDirs));
  }

  /**
   * A validator of the Gateway API CRDs installed in a cluster (groups {@link
   * #GATEWAY_API_GROUPS}), read through apiextensions.k8s.io/v1.
   *
   * @throws CrdSourceException if the CRDs cannot be listed
   * @throws CrdCompileException if a CRD does not compile
   */
  public static GatewayApiValidator fromCluster(ApiClient client) {
    List<CompiledCrd> crds = new ArrayList<>();
    try {
      for (V1CustomResourceDefinition crd :
          new ApiextensionsV1Api(client).listCustomResourceDefinition().execute().getItems()) {
        if (crd.getSpec() != null && GATEWAY_API_GROUPS.contains(crd.getSpec().getGroup())) {
          crds.add(CompiledCrd.compile(JSON_MAPPER.readTree(JSON.serialize(crd))));
        }
      }
    } catch (ApiException e) {
      throw new CrdSourceException(
          "cannot list CustomResourceDefinitions from "
              + client.getBasePath()
              + ": HTTP "
              + e.getCode()
              + " "
              + e.getResponseBody(),
          e);
    } catch (java.io.IOException e) {
      throw new CrdSourceException(
          "cannot read CustomResourceDefinitions from "
              + client.getBasePath()
              + ": "
              + e.getMessage(),
          e);
    }
    return new GatewayApiValidator(crds, "CRDs installed at " + client.getBasePath());
  }

  /** A validator of exactly these CRDs; a later CRD of the same group and kind wins. */
  public static GatewayApiValidator of(Collection<CompiledCrd> crds) {
    return new GatewayApiValidator(crds, "CRDs " + crds.stream().map(CompiledCrd::name).toList());
  }

  /** The compiled CRD of {@code group} and {@code kind}, if present. */
  public Optional<CompiledCrd> crd(String group, String kind) {
    return Optional.ofNullable(byGroupKind.get(group + "/" + kind));
  }

  /** All compiled CRDs. */
  public Collection<CompiledCrd> crds() {
    return byGroupKind.values();
  }

  /**
   * Validates a typed model object (converted to its JSON tree with {@link
   * dev.gatewaysdk.model.Manifests#toTree}) as a new object with {@link FieldValidation#STRICT}.
   */
  public ValidationResult validate(dev.gatewaysdk.model.GatewayApiObject object) {
    return validate(dev.gatewaysdk.model.Manifests.toTree(object));
  }

  /** Validates an update of typed model objects; transition rules run against {@code oldObject}. */
  public ValidationResult validateUpdate(
      dev.gatewaysdk.model.GatewayApiObject object,
      dev.gatewaysdk.model.GatewayApiObject oldObject) {
    return validateUpdate(
        dev.gatewaysdk.model.Manifests.toTree(object),
        dev.gatewaysdk.model.Manifests.toTree(oldObject));
  }

  /** Validates a new object with {@link FieldValidation#STRICT}, as {@code kubectl create} does. */
  public ValidationResult validate(JsonNode object) {
    return validate(object, null, FieldValidation.STRICT);
  }

  /**
   * Validates an update of {@code oldObject} to {@code object} (transition rules run) with STRICT
   * field validation.
   */
  public ValidationResult validateUpdate(JsonNode object, JsonNode oldObject) {
    return validate(object, oldObject, FieldValidation.STRICT);
  }

  /**
   * Validates a write of {@code object}'s status through the {@code /status} subresource (see
   * {@link CompiledCrd#validateStatus}); {@code oldObject} may be null.
   */
  public ValidationResult validateStatus(JsonNode object, JsonNode oldObject) {
    ValidationResult routed = validate(object, oldObject, FieldValidation.IGNORE);
    if (routed.statusCode() == 400) {
      return routed;
    }
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    return byGroupKind
        .get(apiVersion.substring(0, slash) + "/" + object.path("kind").asText())
        .validateStatus(apiVersion.substring(slash + 1), object, oldObject, FieldValidation.STRICT);
  }

  /**
   * Validates {@code object} (an update when {@code oldObject} is not null). An apiVersion/kind
   * these CRDs do not serve yields one {@link Cause#KIND_NOT_SERVED} cause.
   */
  public ValidationResult validate(JsonNode object, JsonNode oldObject, FieldValidation mode) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    String name = object.path("metadata").path("name").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      String missing = apiVersion.isEmpty() ? "apiVersion" : "kind";
      return ValidationResult.of(
          kind,
          apiVersion,
          name,
          List.of(
              Cause.of(
                  missing,
                  Cause.KIND_NOT_SERVED,
                  "Object 'Kind' is missing or 'apiVersion' is not set: "
                      + missing
                      + " must be set")),
          List.of());
    }
    CompiledCrd crd = byGroupKind.get(group + "/" + kind);
    if (crd == null) {
      return ValidationResult.of(
          kind,
          apiVersion,
          name,
          List.of(
              Cause.of(
                  "apiVersion",
                  Cause.KIND_NOT_SERVED,
                  "no matches for kind \""
                      + kind
                      + "\" in version \""
                      + apiVersion
                      + "\" ("
                      + description
                      + " has no CustomResourceDefinition for "
                      + kind
                      + "."
                      + group
                      + ")")),
          List.of());
    }
    if (!crd.servedVersions().contains(version)) {
      Cause c = crd.notServed(version);
      return ValidationResult.of(
          kind,
          apiVersion,
          name,
          List.of(Cause.of(c.field(), c.reason(), c.message() + " (" + description + ")")),
          List.of());
    }
    return crd.validate(version, object, oldObject, mode);
  }

  /**
   * A defaulted deep copy of {@code object}.
   *
   * @throws IllegalArgumentException if no CRD serves the object's apiVersion and kind
   */
  public ObjectNode applyDefaults(JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String kind = object.path("kind").asText("");
    CompiledCrd crd =
        crd(group, kind)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no matches for kind \""
                            + kind
                            + "\" in version \""
                            + apiVersion
                            + "\" ("
                            + description
                            + ")"));
    return crd.applyDefaults(apiVersion.substring(slash + 1), object);
  }

  @Override
  public String toString() {
    return "GatewayApiValidator{" + description + ", " + byGroupKind.keySet() + "}";
  }
}
