package dev.gatewaysdk.testing.internal.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One open watch: events one per line. {@link #close()} from any thread ends {@link #next()} with
 * empty.
 */
public final class WatchStream implements AutoCloseable {
  private final Call call;
  private final Response response;
  private final BufferedSource source;

  WatchStream(Call call, Response response) {
    this.call = call;
    this.response = response;
    this.source = response.body().source();
  }

  /**
   * The next event ({@code type}, {@code object}), or empty when the stream ended or was closed.
   */
  public Optional<JsonNode> next() {
    try {
      while (true) {
        String line = source.readUtf8Line();
        if (line == null) {
          return Optional.empty();
        }
        if (!line.isBlank()) {
          return Optional.of(Kube.JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    call.cancel();
    response.close();
  }
}
