package dev.gatewaysdk.canary.internal;

import dev.gatewaysdk.canary.LeaderElection;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseSpec;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election over a coordination.k8s.io/v1 Lease with client-go's rules: a holder renews every
 * retry period; another candidate takes over only after it has seen the lease record unchanged for
 * a whole lease duration on its own monotonic clock (so clock skew between replicas does not
 * matter); writes are guarded by resourceVersion. {@link #close()} stops renewing and releases a
 * held lease, so a successor need not wait for it to expire. Replaces client-java's {@code
 * LeaderElector}, which logs ERROR and WARN when it is stopped.
 *
 * <p>Not thread-safe except {@link #close()}: one thread acquires, then {@link #keepRenewing} runs
 * its own.
 */
public final class LeaseElector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseElector.class);

  private final CoordinationV1Api api;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration leaseDuration;
  private final Duration renewDeadline;
  private final Duration retryPeriod;
  private final LongSupplier nanoTime;

  private V1LeaseSpec observed;
  private long observedAt;
  private volatile boolean held;
  private volatile boolean closed;
  private volatile Thread renewing;

  public LeaseElector(ApiClient client, LeaderElection election) {
    this(client, election, System::nanoTime);
  }

  /** With {@code nanoTime} as the monotonic clock lease expiry is measured on. */
  public LeaseElector(ApiClient client, LeaderElection election, LongSupplier nanoTime) {
    this.api = new CoordinationV1Api(client);
    this.namespace = election.namespace();
    this.name = election.name();
    this.identity = election.identity();
    this.leaseDuration = election.leaseDuration();
    this.renewDeadline = election.renewDeadline();
    this.retryPeriod = election.retryPeriod();
    this.nanoTime = nanoTime;
  }

  /**
   * One attempt to take or renew the lease.
   *
   * @return whether this candidate holds the lease now
   */
  public boolean tryAcquireOrRenew() {
    if (closed) {
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    V1Lease lease;
    try {
      lease = api.readNamespacedLease(name, namespace).execute();
    } catch (ApiException e) {
      if (e.getCode() != 404) {
        LOG.debug("lease {}/{}: cannot read: {}", namespace, name, e.getCode());
        return false;
      }
      V1Lease fresh =
          new V1Lease()
              .metadata(new V1ObjectMeta().name(name).namespace(namespace))
              .spec(spec(null, now));
      try {
        api.createNamespacedLease(namespace, fresh).execute();
        observe(fresh.getSpec());
        return held = true;
      } catch (ApiException conflict) {
        LOG.debug("lease {}/{}: cannot create: {}", namespace, name, conflict.getCode());
        return false;
      }
    }
    V1LeaseSpec current = lease.getSpec() == null ? new V1LeaseSpec() : lease.getSpec();
    if (!current.equals(observed)) {
      observe(current);
    }
    String holder = current.getHolderIdentity();
    boolean mine = identity.equals(holder);
    if (!mine
        && holder != null
        && !holder.isEmpty()
        && nanoTime.getAsLong() - observedAt < leaseDuration.toNanos()) {
      return held = false;
    }
    lease.spec(spec(mine ? current : null, now));
    if (!mine) {
      lease
          .getSpec()
          .leaseTransitions(Objects.requireNonNullElse(current.getLeaseTransitions(), 0) + 1);
    }
    try {
      V1Lease written = api.replaceNamespacedLease(name, namespace, lease).execute();
      observe(written.getSpec());
      return held = true;
    } catch (ApiException e) {
      LOG.debug("lease {}/{}: cannot update: {}", namespace, name, e.getCode());
      return held = false;
    }
  }

  private V1LeaseSpec spec(V1LeaseSpec kept, OffsetDateTime now) {
    return new V1LeaseSpec()
        .holderIdentity(identity)
        .leaseDurationSeconds((int) Math.max(1, leaseDuration.toSeconds()))
        .acquireTime(kept == null ? now : kept.getAcquireTime())
        .renewTime(now)
        .leaseTransitions(kept == null ? 0 : kept.getLeaseTransitions());
  }

  private void observe(V1LeaseSpec spec) {
    observed = spec;
    observedAt = nanoTime.getAsLong();
  }

  /**
   * Renews the lease every retry period on a daemon thread; runs {@code onLost} once if no renewal
   * succeeds within the renew deadline.
   */
  public void keepRenewing(Runnable onLost) {
    Thread t =
        new Thread(
            () -> {
              long lastRenewal = nanoTime.getAsLong();
              while (!closed) {
                try {
                  Thread.sleep(retryPeriod.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
                if (closed) {
                  return;
                }
                if (tryAcquireOrRenew()) {
                  lastRenewal = nanoTime.getAsLong();
                } else if (nanoTime.getAsLong() - lastRenewal >= renewDeadline.toNanos()) {
                  LOG.debug(
                      "lease {}/{}: {} could not renew within {}",
                      namespace,
                      name,
                      identity,
                      renewDeadline);
                  held = false;
                  if (!closed) {
                    onLost.run();
                  }
                  return;
                }
              }
            },
            "lease-" + name + "-" + identity);
    t.setDaemon(true);
    renewing = t;
    t.start();
  }

  /**
   * Stops renewing and, if this candidate holds the lease, releases it (holder cleared, duration 1
   * s).
   */
  @Override
  public void close() {
    closed = true;
    Thread t = renewing;
    if (t != null) {
      t.interrupt();
      try {
        t.join(retryPeriod.toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!held) {
      return;
    }
    held = false;
    try {
      V1Lease lease = api.readNamespacedLease(name, namespace).execute();
      if (lease.getSpec() != null && identity.equals(lease.getSpec().getHolderIdentity())) {
        lease
            .getSpec()
            .holderIdentity(null)
            .leaseDurationSeconds(1)
            .renewTime(OffsetDateTime.now(ZoneOffset.UTC));
        api.replaceNamespacedLease(name, namespace, lease).execute();
      }
    } catch (ApiException | RuntimeException e) {
      LOG.debug("lease {}/{}: not released ({}); it expires", namespace, name, e.toString());
    }
  }
}
