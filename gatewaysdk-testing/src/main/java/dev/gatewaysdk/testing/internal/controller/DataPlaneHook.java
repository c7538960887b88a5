package dev.gatewaysdk.testing.internal.controller;

import java.util.List;
import java.util.Map;

/**
 * A data plane run by the {@link ControllerLoop}: before each reconcile it applies the cluster's
 * state (binds listeners, swaps its route table) and reports per Gateway what the status must say
 * about that.
 */
public interface DataPlaneHook extends AutoCloseable {
  /** Extra kinds to watch, as {apiVersion, kind}. */
  List<String[]> kinds();

  /**
   * Applies {@code s}; returns the binding of each Gateway it serves, by {@code namespace/name}.
   */
  Map<String, Binding> apply(Reconciler.Snapshot s);

  @Override
  void close();

  /** What happened to a Gateway in the data plane. */
  final class Binding {
    /** The address the Gateway listens on, or null. */
    public final String address;

    /** Why the Gateway has no address (reason AddressNotUsable), or null. */
    public final String addressProblem;

    /** Per served listener: the socket it listens on ({@code address:port}). */
    public final Map<String, String> bound;

    /** Per served listener that could not be bound: why (reason PortUnavailable). */
    public final Map<String, String> problems;

    public Binding(
        String address,
        String addressProblem,
        Map<String, String> bound,
        Map<String, String> problems) {
      this.address = address;
      this.addressProblem = addressProblem;
      this.bound = bound;
      this.problems = problems;
    }
  }
}
