package dev.gatewaysdk.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper of request and response bodies: the model's shared mapper. */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    return dev.gatewaysdk.model.internal.Json.mapper();
  }
}
