package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A {@link Await#until(StatusCheck, java.time.Duration) wait} ran out of time. The message states
 * what was expected and the last observed status; {@link #lastObserved()} has the whole object.
 * {@link #statusCode()} is 0.
 */
public class AwaitTimeoutException extends GatewayApiException {
  private static final long serialVersionUID = 1L;

  private final transient JsonNode lastObserved;

  public AwaitTimeoutException(String message, JsonNode lastObserved) {
    super(message, ApiStatus.of(0, "Timeout", message));
    this.lastObserved = lastObserved;
  }

  /** The object as last seen, if it existed. */
  public Optional<JsonNode> lastObserved() {
    return Optional.ofNullable(lastObserved);
  }
}
