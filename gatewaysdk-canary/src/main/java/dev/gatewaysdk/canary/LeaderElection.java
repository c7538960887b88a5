package dev.gatewaysdk.canary;

import java.time.Duration;
import java.util.Objects;

/**
 * Which coordination.k8s.io Lease replicas running the same plan compete for, and its timing
 * (client-go's leader-election rules): exactly one replica drives the rollout; when it dies or
 * loses the lease, another takes over and continues from the state on the route. A replica that
 * stops releases the lease, so a successor need not wait for it to expire. Instances are immutable.
 *
 * <pre>{@code
 * canary.runWithLeaderElection(LeaderElection.of("shop", "storefront-canary", podName));
 * }</pre>
 */
public final class LeaderElection {
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final Duration retryPeriod;

  private LeaderElection(
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {
    if (namespace == null
        || namespace.isBlank()
        || name == null
        || name.isBlank()
        || identity == null
        || identity.isBlank()) {
      throw new IllegalArgumentException(
          "lease namespace, name and identity must not be blank: "
              + namespace
              + "/"
              + name
              + " "
              + identity);
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0
        || renewDeadline.compareTo(retryPeriod) <= 0
        || retryPeriod.isNegative()
        || retryPeriod.isZero()) {
      throw new IllegalArgumentException(
          "need leaseDuration > renewDeadline > retryPeriod > 0: "
              + leaseDuration
              + ", "
              + renewDeadline
              + ", "
              + retryPeriod);
    }
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.leaseDuration = leaseDuration;
    this.renewDeadline = renewDeadline;
    this.retryPeriod = retryPeriod;
  }

  /**
   * Lease {@code namespace/name}, held as {@code identity}, with 15s lease, 10s renew deadline, 2s
   * retry.
   */
  public static LeaderElection of(String namespace, String name, String identity) {
    return new LeaderElection(
        namespace,
        name,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  /**
   * @throws IllegalArgumentException unless {@code leaseDuration > renewDeadline > retryPeriod > 0}
   */
  public LeaderElection withTiming(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaderElection(
        namespace,
        name,
        identity,
        Objects.requireNonNull(leaseDuration),
        Objects.requireNonNull(renewDeadline),
        Objects.requireNonNull(retryPeriod));
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public String identity() {
    return identity;
  }

  public Duration leaseDuration() {
    return leaseDuration;
  }

  public Duration renewDeadline() {
    return renewDeadline;
  }

  public Duration retryPeriod() {
    return retryPeriod;
  }

  @Override
  public String toString() {
    return "Lease " + namespace + "/" + name + " as " + identity;
  }
}
