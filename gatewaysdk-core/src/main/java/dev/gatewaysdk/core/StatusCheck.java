package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A condition on an object's state, such as "accepted by Gateway my-gateway", for {@link
 * Await#until(StatusCheck, java.time.Duration)}. Built by {@link RouteConditions} and {@link
 * GatewayConditions}; evaluated on the object's JSON so it sees every status field, including ones
 * newer than this SDK.
 */
public interface StatusCheck {
  /** Whether {@code object} (the whole object as JSON) satisfies this check. */
  boolean test(JsonNode object);

  /** What is expected, for messages: {@code accepted by Gateway my-gateway}. */
  String description();

  /** Both checks. */
  default StatusCheck and(StatusCheck other) {
    StatusCheck self = this;
    return new StatusCheck() {
      @Override
      public boolean test(JsonNode object) {
        return self.test(object) && other.test(object);
      }

      @Override
      public String description() {
        return self.description() + " and " + other.description();
      }
    };
  }

  /** A check from a predicate and its description. */
  static StatusCheck of(String description, java.util.function.Predicate<JsonNode> predicate) {
    return new StatusCheck() {
      @Override
      public boolean test(JsonNode object) {
        return predicate.test(object);
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
