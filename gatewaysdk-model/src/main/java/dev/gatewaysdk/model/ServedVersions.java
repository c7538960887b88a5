package dev.gatewaysdk.model;

import dev.gatewaysdk.model.internal.ReleaseTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which API versions of each Gateway API kind a release serves, per channel, and which one it
 * stores.
 *
 * <p>The table covers the {@link #releases() supported releases}, from v1.0.0 to the one the SDK
 * targets ({@value CrdSource#LATEST_RELEASE}); a patch release resolves to its minor ({@code
 * v1.2.1} serves what {@code v1.2.0} serves: the CRDs of a minor's patches declare the same
 * versions). It is generated from the official CRDs of each release (gatewaysdk-model-generator)
 * and checked against them by the tests. It also covers the kinds this SDK has no type for ({@code
 * BackendLBPolicy}, {@code XListenerSet}, {@code XBackendTrafficPolicy}, {@code XMesh}, {@code
 * XBackend}). Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ServedVersions v15 = ServedVersions.of("v1.5.1");
 * v15.served(Channel.STANDARD, "TLSRoute");     // [v1]
 * v15.storage(Channel.EXPERIMENTAL, "TLSRoute"); // Optional[v1]
 * ServedVersions.explain("gateway.networking.k8s.io/v1alpha2", "HTTPRoute");
 * // Optional["HTTPRoute gateway.networking.k8s.io/v1alpha2 is not served by any Gateway API release
 * //           v1.0.0..<latest>; use gateway.networking.k8s.io/v1 (served since v1.0.0)"]
 * }</pre>
 */
public final class ServedVersions {
  /** The API group of the Gateway API kinds. */
  public static final String GROUP = GatewayApiKind.GROUP;

  /** The API group of the experimental {@code X...} kinds. */
  public static final String EXPERIMENTAL_GROUP = ReleaseTable.EXPERIMENTAL_GROUP;

  private static final Pattern RELEASE = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

  /** {@code v1}, {@code v1beta1}, {@code v1alpha2}: major, maturity, its number. */
  private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  private static final Map<String, ServedVersions> RELEASES = parse(ReleaseTable.SERVED_VERSIONS);
  private static final ServedVersions LATEST = RELEASES.get(ReleaseTable.LATEST);

  /**
   * Every API version a supported release serves for some kind, most stable first (the v0.x
   * releases used no other); other versions of the Gateway API groups are typos, not history.
   */
  private static final List<String> HISTORIC_VERSIONS = historicVersions();

  private final String release;
  private final Map<Channel, Map<String, Entry>> kinds;

  private ServedVersions(String release, Map<Channel, Map<String, Entry>> kinds) {
    this.release = release;
    this.kinds = kinds;
  }

  /**
   * The releases in the table, oldest first: {@code v1.0.0 ...} {@value CrdSource#LATEST_RELEASE}.
   */
  public static List<String> releases() {
    return List.copyOf(RELEASES.keySet());
  }

  /** The newest release, {@value CrdSource#LATEST_RELEASE}. */
  public static ServedVersions latest() {
    return LATEST;
  }

  /**
   * The table of {@code release} or of the release its minor version resolves to.
   *
   * @throws IllegalArgumentException if {@code release} is not {@code vX.Y.Z} of a minor in the
   *     table
   */
  public static ServedVersions of(String release) {
    Matcher m = RELEASE.matcher(release == null ? "" : release.trim());
    if (m.matches()) {
      String minor = "v" + m.group(1) + "." + m.group(2) + ".";
      for (ServedVersions table : RELEASES.values()) {
        if (table.release.startsWith(minor)) {
          return table;
        }
      }
    }
    throw new IllegalArgumentException(
        "release must be a Gateway API release "
            + first()
            + ".."
            + last()
            + " such as "
            + last()
            + ": "
            + release);
  }

  /** The release this table describes, such as {@code v1.5.0}. */
  public String release() {
    return release;
  }

  /**
   * The kinds the channel's install defines, such as {@code [GatewayClass, Gateway, HTTPRoute,
   * ...]}.
   */
  public Set<String> kinds(Channel channel) {
    return kinds.get(channel).keySet();
  }

  /**
   * The served versions of {@code kind}, in the order of its CRD; empty if the channel lacks the
   * kind.
   */
  public List<String> served(Channel channel, String kind) {
    Entry e = kinds.get(channel).get(kind);
    return e == null ? List.of() : e.served;
  }

  /** The served versions of a modelled kind; see {@link #served(Channel, String)}. */
  public List<String> served(Channel channel, GatewayApiKind kind) {
    return served(channel, kind.kind());
  }

  /** The storage version of a modelled kind, if the channel defines it. */
  public Optional<String> storage(Channel channel, GatewayApiKind kind) {
    return storage(channel, kind.kind());
  }

  /** The storage version of {@code kind}, if the channel defines the kind. */
  public Optional<String> storage(Channel channel, String kind) {
    Entry e = kinds.get(channel).get(kind);
    return e == null ? Optional.empty() : Optional.of(e.storage);
  }

  /**
   * The version to write {@code kind} in: the most stable version the channel serves and does not
   * deprecate ({@code v1} before {@code v1beta1} before the alphas); empty if the channel lacks the
   * kind.
   */
  public Optional<String> preferred(Channel channel, String kind) {
    for (String v : HISTORIC_VERSIONS) {
      if (isServed(channel, kind, v) && !isDeprecated(channel, kind, v)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code version} (such as {@code v1beta1}) of {@code kind} is served in {@code channel}.
   */
  public boolean isServed(Channel channel, String kind, String version) {
    return served(channel, kind).contains(version);
  }

  /** Whether {@code version} of {@code kind} is served in {@code channel} but marked deprecated. */
  public boolean isDeprecated(Channel channel, String kind, String version) {
    Entry e = kinds.get(channel).get(kind);
    return e != null && e.deprecated.contains(version);
  }

  /**
   * The API group of a kind known to any release, such as {@value #GROUP} for {@code HTTPRoute}.
   */
  public static Optional<String> groupOf(String kind) {
    for (ServedVersions table : RELEASES.values()) {
      if (table.kinds.get(Channel.EXPERIMENTAL).containsKey(kind)) {
        return Optional.of(table.kinds.get(Channel.EXPERIMENTAL).get(kind).group);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code group} is one of the two Gateway API groups. */
  public static boolean isGatewayApiGroup(String group) {
    return GROUP.equals(group) || EXPERIMENTAL_GROUP.equals(group);
  }

  /**
   * Whether {@code version} is an API version some Gateway API release (v0.x included) used for
   * some kind: {@code v1alpha1}, {@code v1alpha2}, {@code v1alpha3}, {@code v1beta1} or {@code v1}.
   */
  public static boolean isHistoricVersion(String version) {
    return HISTORIC_VERSIONS.contains(version);
  }

  /**
   * Explains why {@code apiVersion} of {@code kind} is a poor choice, or returns empty when the
   * standard channel of the latest release serves it and does not deprecate it. Unknown kinds and
   * groups other than the Gateway API ones are not explained (empty).
   *
   * <p>Example: {@code TLSRoute gateway.networking.k8s.io/v1alpha2 is served only by
   * experimental-channel installs of v1.0.0..<latest> (deprecated since v1.5.0); use
   * gateway.networking.k8s.io/v1 (standard channel since v1.5.0)}.
   */
  public static Optional<String> explain(String apiVersion, String kind) {
    Optional<String> group = groupOf(kind);
    if (apiVersion == null || group.isEmpty() || !apiVersion.startsWith(group.get() + "/")) {
      return Optional.empty();
    }
    String version = apiVersion.substring(group.get().length() + 1);
    if (LATEST.isServed(Channel.STANDARD, kind, version)
        && !LATEST.isDeprecated(Channel.STANDARD, kind, version)) {
      return Optional.empty();
    }
    String subject = kind + " " + apiVersion;
    List<String> standard = servingReleases(Channel.STANDARD, kind, version);
    List<String> experimental = servingReleases(Channel.EXPERIMENTAL, kind, version);
    experimental.removeAll(standard);
    StringBuilder text = new StringBuilder(subject);
    if (standard.isEmpty() && experimental.isEmpty()) {
      text.append(" is not served by any Gateway API release ")
          .append(first())
          .append("..")
          .append(last());
    } else {
      text.append(" is served ");
      if (standard.isEmpty()) {
        text.append("only ");
      }
      List<String> parts = new ArrayList<>();
      if (!standard.isEmpty()) {
        parts.add("by all installs of " + ranges(standard));
      }
      if (!experimental.isEmpty()) {
        parts.add("by experimental-channel installs of " + ranges(experimental));
      }
      text.append(String.join(" and ", parts)).append(deprecation(kind, version));
    }
    text.append(recommendation(kind, group.get(), version));
    return Optional.of(text.toString());
  }

  private static String recommendation(String kind, String group, String version) {
    for (Channel channel : Channel.values()) {
      Optional<String> preferred = LATEST.preferred(channel, kind);
      if (preferred.isEmpty()) {
        continue;
      }
      String v = preferred.get();
      if (v.equals(version)) {
        return "; " + kind + " is not part of the standard channel";
      }
      String since = servingReleases(channel, kind, v).get(0);
      String when =
          channel == Channel.STANDARD && since.equals(first())
              ? "served since " + since
              : channel.id() + " channel since " + since;
      return "; use " + group + "/" + v + " (" + when + ")";
    }
    return "; " + kind + " is not part of " + last();
  }

  private static String deprecation(String kind, String version) {
    for (ServedVersions table : RELEASES.values()) {
      if (table.isDeprecated(Channel.STANDARD, kind, version)
          || table.isDeprecated(Channel.EXPERIMENTAL, kind, version)) {
        return " (deprecated since " + table.release + ")";
      }
    }
    return "";
  }

  private static List<String> servingReleases(Channel channel, String kind, String version) {
    List<String> out = new ArrayList<>();
    for (ServedVersions table : RELEASES.values()) {
      if (table.isServed(channel, kind, version)) {
        out.add(table.release);
      }
    }
    return out;
  }

  /** Joins consecutive releases: {@code v1.0.0..v1.1.0, v1.3.0}. */
  private static String ranges(List<String> releases) {
    List<String> all = releases();
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < releases.size()) {
      int start = all.indexOf(releases.get(i));
      int j = i;
      while (j + 1 < releases.size() && all.indexOf(releases.get(j + 1)) == start + (j + 1 - i)) {
        j++;
      }
      parts.add(i == j ? releases.get(i) : releases.get(i) + ".." + releases.get(j));
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  private static String first() {
    return RELEASES.keySet().iterator().next();
  }

  private static String last() {
    return LATEST.release;
  }

  @Override
  public String toString() {
    return "ServedVersions " + release;
  }

  private static final class Entry {
    final String group;
    final List<String> served;
    final String storage;
    final Set<String> deprecated;

    Entry(String group, List<String> served, String storage, Set<String> deprecated) {
      this.group = group;
      this.served = served;
      this.storage = storage;
      this.deprecated = deprecated;
    }
  }

  private static List<String> historicVersions() {
    Set<String> versions = new LinkedHashSet<>();
    for (ServedVersions table : RELEASES.values()) {
      for (Map<String, Entry> channel : table.kinds.values()) {
        channel.values().forEach(e -> versions.addAll(e.served));
      }
    }
    List<String> out = new ArrayList<>(versions);
    out.sort(ServedVersions::morePreferred);
    return List.copyOf(out);
  }

  /**
   * Kubernetes' version priority: GA before beta before alpha, a higher major or maturity number
   * first.
   */
  private static int morePreferred(String a, String b) {
    Matcher x = VERSION.matcher(a);
    Matcher y = VERSION.matcher(b);
    if (!x.matches() || !y.matches()) {
      throw new IllegalStateException("not a Kubernetes API version: " + (x.matches() ? b : a));
    }
    int major = Integer.compare(Integer.parseInt(y.group(1)), Integer.parseInt(x.group(1)));
    if (major != 0) {
      return major;
    }
    int maturity = Integer.compare(maturity(y.group(2)), maturity(x.group(2)));
    return maturity != 0
        ? maturity
        : Integer.compare(Integer.parseInt(y.group(3)), Integer.parseInt(x.group(3)));
  }

  private static int maturity(String stage) {
    return stage == null ? 2 : stage.equals("beta") ? 1 : 0;
  }

  private static Map<String, ServedVersions> parse(List<String> table) {
    Map<String, Map<Channel, Map<String, Entry>>> rows = new LinkedHashMap<>();
    for (String line : table) {
      // release channel group kind version...
      String[] f = line.trim().split("\\s+");
      Map<Channel, Map<String, Entry>> release =
          rows.computeIfAbsent(
              f[0],
              r -> {
                Map<Channel, Map<String, Entry>> m = new LinkedHashMap<>();
                for (Channel c : Channel.values()) {
                  m.put(c, new LinkedHashMap<>());
                }
                return m;
              });
      List<String> served = new ArrayList<>();
      Set<String> deprecated = new LinkedHashSet<>();
      String storage = null;
      for (int i = 4; i < f.length; i++) {
        String v = f[i].replace("*", "").replace("!", "");
        served.add(v);
        if (f[i].contains("*")) {
          storage = v;
        }
        if (f[i].contains("!")) {
          deprecated.add(v);
        }
      }
      release
          .get(Channel.parse(f[1]))
          .put(
              f[3],
              new Entry(
                  f[2], List.copyOf(served), storage, Collections.unmodifiableSet(deprecated)));
    }
    Map<String, ServedVersions> out = new LinkedHashMap<>();
    rows.forEach(
        (release, channels) -> {
          Map<Channel, Map<String, Entry>> frozen = new LinkedHashMap<>();
          channels.forEach((c, m) -> frozen.put(c, Collections.unmodifiableMap(m)));
          out.put(
              release.toLowerCase(Locale.ROOT),
              new ServedVersions(release, Collections.unmodifiableMap(frozen)));
        });
    return Collections.unmodifiableMap(out);
  }
}
