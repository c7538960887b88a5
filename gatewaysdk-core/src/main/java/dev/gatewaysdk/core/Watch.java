package dev.gatewaysdk.core;

import java.util.Iterator;

/**
 * A stream of {@link WatchEvent}s from the server, in order. {@link #hasNext()} blocks until an
 * event arrives or the server ends the watch (then it returns false: resume from the last event's
 * resourceVersion). When the resourceVersion is too old the server ends the watch with an error:
 * {@link #next()} throws a {@link GatewayApiException} with status code 410 (list again, then
 * watch). Close it to stop watching; closing from another thread ends a blocked {@code hasNext()}.
 *
 * <pre>{@code
 * try (Watch<HTTPRoute> w = client.httpRoutes().inNamespace("shop").watch(ListOptions.defaults())) {
 *   while (w.hasNext()) {
 *     WatchEvent<HTTPRoute> e = w.next();
 *     ...
 *   }
 * }
 * }</pre>
 */
public interface Watch<T> extends Iterator<WatchEvent<T>>, AutoCloseable {
  /** Stops the watch; does not throw. */
  @Override
  void close();
}
