package dev.gatewaysdk.core;

import dev.gatewaysdk.core.internal.Kinds;
import dev.gatewaysdk.core.internal.Versions;
import dev.gatewaysdk.model.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Gateway API the cluster serves: the release and channel of its CRDs (from the {@code
 * gateway.networking.k8s.io/bundle-version} and {@code gateway.networking.k8s.io/channel}
 * annotations) and, per kind, the served versions, best first. The client discovers this once, on
 * first use, and every typed client talks to its kind's {@linkplain #preferredVersion(String)
 * preferred version}.
 *
 * <p>Instances are immutable.
 *
 * <pre>{@code
 * Capabilities caps = client.capabilities();
 * if (caps.serves("TLSRoute")) { ... }
 * System.out.println(caps.describe()); // Gateway API <release>, experimental channel
 * }</pre>
 */
public final class Capabilities {
  private final Optional<String> release;
  private final Optional<Channel> channel;
  private final Map<String, List<String>> served;

  private Capabilities(
      Optional<String> release, Optional<Channel> channel, Map<String, List<String>> served) {
    this.release = Objects.requireNonNull(release);
    this.channel = Objects.requireNonNull(channel);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    served.forEach(
        (k, v) -> {
          List<String> versions = new ArrayList<>(v);
          versions.sort(Versions.PRIORITY);
          if (!versions.isEmpty()) {
            copy.put(k, List.copyOf(versions));
          }
        });
    this.served = Collections.unmodifiableMap(copy);
  }

  /**
   * Capabilities from their parts; {@code served} maps a kind to its served versions in any order.
   */
  public static Capabilities of(
      Optional<String> release, Optional<Channel> channel, Map<String, List<String>> served) {
    return new Capabilities(release, channel, served);
  }

  /**
   * The Gateway API release of the installed CRDs, e.g. {@value
   * dev.gatewaysdk.model.CrdSource#LATEST_RELEASE}; empty if not readable.
   */
  public Optional<String> release() {
    return release;
  }

  /** The channel of the installed CRDs; empty if not readable. */
  public Optional<Channel> channel() {
    return channel;
  }

  /** The kinds the cluster serves under {@code gateway.networking.k8s.io}. */
  public Set<String> servedKinds() {
    return served.keySet();
  }

  /** Whether the cluster serves {@code kind} in some version. */
  public boolean serves(String kind) {
    return served.containsKey(kind);
  }

  /** The versions the cluster serves {@code kind} in, best first; empty if not served. */
  public List<String> versions(String kind) {
    return served.getOrDefault(kind, List.of());
  }

  /** The version a client should use for {@code kind}: GA before beta before alpha. */
  public Optional<String> preferredVersion(String kind) {
    List<String> v = versions(kind);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * {@code Gateway API v1.0.0, standard channel}, with {@code unknown} for what could not be read.
   */
  public String describe() {
    if (served.isEmpty() && release.isEmpty()) {
      return "Gateway API not installed";
    }
    return "Gateway API "
        + release.orElse("release unknown")
        + ", "
        + channel.map(c -> c.id() + " channel").orElse("channel unknown");
  }

  /**
   * The preferred version of {@code kind}.
   *
   * @throws UnsupportedByClusterException naming the cluster's release and channel and what to
   *     install, if the kind is not served
   */
  public String require(String kind) {
    Optional<String> v = preferredVersion(kind);
    if (v.isPresent()) {
      return v.get();
    }
    throw new UnsupportedByClusterException(
        kind + " is not served by this cluster (" + describe() + "); " + remedy(kind));
  }

  /**
   * Fails unless the cluster's release is at least {@code release}: for fields that a release
   * introduced. Passes when the release cannot be read (the server then decides).
   *
   * @throws UnsupportedByClusterException naming the feature, the cluster's release and what is
   *     needed
   */
  public void requireRelease(String feature, String release, boolean experimentalOnly) {
    boolean tooOld =
        this.release.isPresent() && Versions.compareReleases(this.release.get(), release) < 0;
    boolean wrongChannel =
        experimentalOnly && channel.isPresent() && channel.get() == Channel.STANDARD;
    if (tooOld || wrongChannel) {
      String need =
          experimentalOnly ? "the experimental channel of " + release + "+" : release + "+";
      throw new UnsupportedByClusterException(
          feature + " is not served by this cluster (" + describe() + "); install " + need);
    }
  }

  private String remedy(String kind) {
    Optional<Kinds.Info> info = Kinds.of(kind);
    if (info.isEmpty()) {
      return "it is not a kind of " + Kinds.GROUP;
    }
    if (served.isEmpty() && release.isEmpty()) {
      return "install the Gateway API CRDs (" + info.get().standardSince + "+)";
    }
    String since = info.get().standardSince;
    boolean old = release.isEmpty() || Versions.compareReleases(release.get(), since) < 0;
    boolean standard = channel.isEmpty() || channel.get() == Channel.STANDARD;
    if (old && standard) {
      return "install the experimental channel or " + since + "+";
    }
    return "install " + since + "+";
  }

  @Override
  public String toString() {
    return describe() + " " + served;
  }
}
