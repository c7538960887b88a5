package dev.gatewaysdk.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The conformance suite's weighted-distribution check ({@code conformance/utils/weight}, v1.6.1):
 * 500 requests, exactly the backends with a non-zero weight receive traffic, each one's share
 * within 5 percentage points of its weight; a failed round is retried, up to 10 rounds.
 */
final class Weights {
  static final int REQUESTS = 500;
  static final double TOLERANCE = 0.05;
  static final int ROUNDS = 10;

  private Weights() {}

  /**
   * Sends rounds of {@link #REQUESTS} requests through {@code send} (which returns the name of the
   * backend that answered) until one round's distribution matches {@code expected} (backend name to
   * share; a backend left out must get nothing). Returns the last round's problems, empty if a
   * round passed.
   */
  static List<String> withinSuiteTolerance(Map<String, Double> expected, Callable<String> send)
      throws Exception {
    List<String> problems = List.of();
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < REQUESTS; i++) {
        seen.merge(send.call(), 1, Integer::sum);
      }
      problems = check(expected, seen);
      if (problems.isEmpty()) {
        return problems;
      }
    }
    return problems;
  }

  /**
   * What is wrong with the distribution {@code seen} (backend name to requests answered) against
   * {@code expected} (backend name to share; a backend left out must get nothing): empty if each
   * share of all the requests seen is within {@link #TOLERANCE}.
   */
  static List<String> check(Map<String, Double> expected, Map<String, Integer> seen) {
    int total = seen.values().stream().mapToInt(Integer::intValue).sum();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Integer> e : seen.entrySet()) {
      if (expected.getOrDefault(e.getKey(), 0.0) == 0.0) {
        problems.add(e.getKey() + " got " + e.getValue() + " requests, expected none");
      }
    }
    for (Map.Entry<String, Double> e : expected.entrySet()) {
      double share = seen.getOrDefault(e.getKey(), 0) / (double) total;
      if (Math.abs(share - e.getValue()) > TOLERANCE) {
        problems.add(e.getKey() + " got a share of " + share + ", expected " + e.getValue());
      }
    }
    return problems;
  }
}
