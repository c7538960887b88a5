package dev.gatewaysdk.testing.internal.server;

import java.nio.file.Path;
import java.util.List;

/**
 * A server with a state file in a child JVM, for {@link StateDurabilityTest} to kill: prints its
 * URL, then serves.
 */
public final class StateCrashMain {
  private StateCrashMain() {}

  public static void main(String[] args) throws InterruptedException {
    ApiServer server = ApiServer.start(0, List.of(), Path.of(args[0]), 1000, 60_000);
    System.out.println("URL " + server.url());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
