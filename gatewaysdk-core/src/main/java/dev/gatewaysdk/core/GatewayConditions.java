package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks on a Gateway's (or GatewayClass's) {@code status.conditions} and listener conditions.
 * Conditions count only when current ({@code observedGeneration} not older than {@code
 * metadata.generation}).
 *
 * <pre>{@code
 * client.await(gateway).until(GatewayConditions.programmed(), Duration.ofMinutes(2));
 * }</pre>
 */
public final class GatewayConditions {
  private GatewayConditions() {}

  /** {@code Programmed=True}: the data plane is configured. */
  public static StatusCheck programmed() {
    return condition("Programmed", "True");
  }

  /** {@code Accepted=True}: the controller accepted the Gateway (or GatewayClass). */
  public static StatusCheck accepted() {
    return condition("Accepted", "True");
  }

  /** Listener {@code listener} reports {@code Programmed=True}. */
  public static StatusCheck listenerProgrammed(String listener) {
    return StatusCheck.of(
        "listener " + listener + " programmed",
        gw -> {
          for (JsonNode l : gw.path("status").path("listeners")) {
            if (listener.equals(l.path("name").asText())
                && RouteConditions.current(gw, l, "Programmed", "True")) {
              return true;
            }
          }
          return false;
        });
  }

  /** {@code status.conditions} has {@code type} with {@code status}. */
  public static StatusCheck condition(String type, String status) {
    return StatusCheck.of(
        type + "=" + status, gw -> RouteConditions.current(gw, gw.path("status"), type, status));
  }
}
