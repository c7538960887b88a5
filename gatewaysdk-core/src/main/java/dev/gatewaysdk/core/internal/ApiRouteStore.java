package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.WriteOptions;
import java.util.Optional;

/** {@link RouteStore} over the API server: JSON patches with the manager's field manager. */
public final class ApiRouteStore implements RouteStore {
  private final RawClient raw;
  private final String fieldManager;
  private final FieldCheck fields;

  public ApiRouteStore(RawClient raw, FieldCheck fields, String fieldManager) {
    this.raw = raw;
    this.fields = fields;
    this.fieldManager = fieldManager;
  }

  @Override
  public ObjectNode get(String kind, String namespace, String name) {
    return raw.get(kind, namespace, name);
  }

  @Override
  public ObjectNode patch(
      String kind, String namespace, String name, ArrayNode jsonPatch, boolean dryRun) {
    WriteOptions o = WriteOptions.builder().dryRun(dryRun).fieldManager(fieldManager).build();
    return raw.patch(
        kind, namespace, name, RawClient.bytes(jsonPatch), RawClient.JSON_PATCH, o, false);
  }

  @Override
  public ObjectNode create(String kind, String namespace, ObjectNode route, boolean dryRun) {
    WriteOptions o = WriteOptions.builder().dryRun(dryRun).fieldManager(fieldManager).build();
    return raw.create(kind, namespace, route, o);
  }

  @Override
  public String apiVersion(String kind) {
    return raw.apiVersion(kind);
  }

  @Override
  public Optional<Boolean> hasField(String kind, String path) {
    return fields.schema(kind).map(s -> Schemas.hasField(s, path));
  }

  @Override
  public String describeCluster() {
    return raw.capabilities().describe();
  }
}
