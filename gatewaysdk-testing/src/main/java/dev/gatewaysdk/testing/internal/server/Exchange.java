package dev.gatewaysdk.testing.internal.server;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One HTTP request as the transport received it (whole: method, path, query, headers and body) and
 * the way to answer it, once: a complete response or a stream. {@link ApiHandler#handle(Exchange)}
 * is the single entry every request passes through.
 */
interface Exchange {
  String method();

  /** The path as sent (percent-encoded). */
  String rawPath();

  /** The query as sent (percent-encoded), or null. */
  String rawQuery();

  /** The first value of a request header (case-insensitive name), or null. */
  String header(String name);

  /** Every value of a request header (case-insensitive name). */
  List<String> headers(String name);

  byte[] body();

  /** Whether the request came over TLS. */
  boolean secure();

  /** Answers with a complete response; headers are {name, value} pairs. */
  void respond(int code, List<String[]> headers, byte[] body);

  /** Starts a streamed (chunked) 200 response, for watches. */
  Stream stream(List<String[]> headers);

  /**
   * A response whose body is written piece by piece; every method may be called from any thread.
   */
  interface Stream {
    /** Writes and flushes one piece. */
    void write(byte[] piece);

    /** Whether the client keeps up (the transport's buffer is below its high-water mark). */
    boolean writable();

    /** Runs {@code r} once the client can take more after {@link #writable()} was false. */
    void onWritable(Runnable r);

    /**
     * Runs {@code r} once when the stream ends: the client went away or {@link #end()} was called.
     */
    void onClose(Runnable r);

    /** Ends the response. */
    void end();

    /** Where the stream's timers and writes run; no thread is held between events. */
    ScheduledExecutorService executor();
  }
}
