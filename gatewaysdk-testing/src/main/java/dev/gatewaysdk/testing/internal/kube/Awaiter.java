package dev.gatewaysdk.testing.internal.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.AwaitTimeoutException;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.StatusCheck;
import dev.gatewaysdk.model.GatewayApiObject;
import dev.gatewaysdk.model.Manifests;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits until a check (an assertion that throws {@link AssertionError}) passes on one object's
 * latest state, through the core client's watch-driven {@link GatewayApiClient#await(Object)
 * await}: the check runs on the object as read and on every watch event, and a timeout fails with
 * the check's last message.
 */
public final class Awaiter<T extends GatewayApiObject> {
  private final GatewayApiClient client;
  private final JsonNode identity;
  private final Class<T> type;
  private final String where;

  /**
   * @throws IllegalArgumentException if {@code object} has no name or is not a Gateway API kind
   */
  @SuppressWarnings("unchecked")
  public Awaiter(GatewayApiClient client, T object) {
    this.client = Objects.requireNonNull(client, "client");
    this.type = (Class<T>) object.getClass();
    String name =
        object
            .metadata()
            .name()
            .orElseThrow(
                () -> new IllegalArgumentException(object.kind() + " has no metadata.name"));
    // kind, namespace and name say what to watch; as a tree, core's await returns the tree
    // unconverted
    ObjectNode id = JsonNodeFactory.instance.objectNode().put("kind", object.kind());
    ObjectNode meta = id.putObject("metadata").put("name", name);
    object.metadata().namespace().ifPresent(ns -> meta.put("namespace", ns));
    this.identity = id;
    this.where =
        object.kind() + " " + object.metadata().namespace().map(ns -> ns + "/").orElse("") + name;
  }

  /**
   * Returns the first state of the object that passes {@code check}.
   *
   * @throws AssertionError with the last failure if none passes within {@code timeout}
   */
  public T await(Consumer<T> check, Duration timeout) {
    AssertionError[] last = {null};
    Object[] passed = {null};
    StatusCheck passes =
        StatusCheck.of(
            "passing the check",
            tree -> {
              T state = Manifests.fromTree(tree, type);
              try {
                check.accept(state);
                passed[0] = state;
                return true;
              } catch (AssertionError e) {
                last[0] = e;
                return false;
              }
            });
    try {
      client.await(identity).until(passes, timeout);
    } catch (AwaitTimeoutException e) {
      AssertionError failure = last[0];
      String reason =
          e.lastObserved().isEmpty() || failure == null
              ? where + " does not exist"
              : failure.getMessage();
      AssertionError timedOut =
          new AssertionError("Not satisfied within " + timeout + " for " + where + ":\n" + reason);
      if (failure != null) {
        timedOut.addSuppressed(failure);
      }
      throw timedOut;
    }
    return type.cast(passed[0]);
  }
}
