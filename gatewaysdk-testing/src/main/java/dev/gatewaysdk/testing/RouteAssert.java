package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.model.ParentReference;
import dev.gatewaysdk.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a route's spec and status (any route kind). Status checks only count conditions
 * computed for the route's current generation, so a stale {@code Accepted} from before the last
 * change never passes. Obtain through {@link GatewayApiAssertions#assertThat(Route)}.
 *
 * <pre>{@code
 * assertThat(route).isAcceptedBy("my-gateway").hasResolvedRefs().hasBackendWeight("app-canary", 10);
 * }</pre>
 */
public final class RouteAssert extends AbstractAssert<RouteAssert, Route> {
  private final ObjectNode tree;

  RouteAssert(Route actual) {
    super(actual, RouteAssert.class);
    isNotNull();
    this.tree = Manifests.toTree(actual);
  }

  /**
   * The parent Gateway {@code gateway} reports {@code Accepted=True} for the current generation.
   * {@code gateway} is {@code namespace/name}, or a bare name: the Gateway of that name the route's
   * parentRefs point to (in whichever namespace they name), else the one in the route's namespace.
   * Every status entry for that Gateway (one per listener or port the route attaches to) must
   * report it; use {@link #isAcceptedBy(ParentReference)} to check one parentRef.
   *
   * @throws AssertionError also when a bare name is ambiguous (parentRefs name it in several
   *     namespaces)
   */
  public RouteAssert isAcceptedBy(String gateway) {
    return hasParentCondition(gateway, "Accepted", true, null);
  }

  /**
   * The status entry of {@code parent} reports {@code Accepted=True} for the current generation.
   * The entry is matched as the Gateway API matches {@code status.parents[].parentRef} to {@code
   * spec.parentRefs[]}: group (default {@code gateway.networking.k8s.io}), kind (default {@code
   * Gateway}), namespace (default the route's), name, sectionName and port must all be equal.
   *
   * <pre>{@code
   * assertThat(route).isAcceptedBy(ParentReference.gateway("infra", "shared").withSectionName("https"));
   * }</pre>
   */
  public RouteAssert isAcceptedBy(ParentReference parent) {
    return hasParentCondition(parent, "Accepted", true, null);
  }

  /**
   * The parent {@code gateway} (as in {@link #isAcceptedBy(String)}) reports {@code Accepted=False}
   * with {@code reason}, such as {@code NotAllowedByListeners}.
   */
  public RouteAssert isNotAcceptedBy(String gateway, String reason) {
    return hasParentCondition(gateway, "Accepted", false, reason);
  }

  /**
   * The status entry of {@code parent} (matched as in {@link #isAcceptedBy(ParentReference)})
   * reports {@code Accepted=False} with {@code reason}.
   */
  public RouteAssert isNotAcceptedBy(ParentReference parent, String reason) {
    return hasParentCondition(parent, "Accepted", false, reason);
  }

  /**
   * Every parent entry reports {@code ResolvedRefs=True} for the current generation (and there is
   * at least one).
   */
  public RouteAssert hasResolvedRefs() {
    List<JsonNode> parents = parents();
    if (parents.isEmpty()) {
      failWithMessage(
          "Expected %s to have resolved references but no controller has written status.parents%s",
          describe(), statusText());
    }
    for (JsonNode p : parents) {
      JsonNode c = StatusTrees.current(p.path("conditions"), "ResolvedRefs", generation());
      if (c == null || !"True".equals(c.path("status").asText())) {
        failWithMessage(
            "Expected %s to have ResolvedRefs=True for parent %s but was %s%s",
            describe(),
            Parent.of(p.path("parentRef"), namespace()),
            StatusTrees.describe(c),
            statusText());
      }
    }
    return this;
  }

  /**
   * The status entry of {@code parent} (matched as in {@link #isAcceptedBy(ParentReference)})
   * reports {@code ResolvedRefs=True}.
   */
  public RouteAssert hasResolvedRefs(ParentReference parent) {
    return hasParentCondition(parent, "ResolvedRefs", true, null);
  }

  /**
   * Some parent reports {@code ResolvedRefs=False} with {@code reason}, such as {@code
   * BackendNotFound}.
   */
  public RouteAssert hasUnresolvedRefs(String reason) {
    for (JsonNode p : parents()) {
      JsonNode c = StatusTrees.current(p.path("conditions"), "ResolvedRefs", generation());
      if (c != null
          && "False".equals(c.path("status").asText())
          && reason.equals(c.path("reason").asText())) {
        return this;
      }
    }
    failWithMessage(
        "Expected %s to have ResolvedRefs=False with reason %s%s",
        describe(), reason, statusText());
    return this;
  }

  /**
   * The parent Gateway {@code gateway} (as in {@link #isAcceptedBy(String)}) reports condition
   * {@code type} with {@code status}, and with {@code reason} unless null, for the current
   * generation, in every status entry.
   */
  public RouteAssert hasParentCondition(
      String gateway, String type, boolean status, String reason) {
    return hasCondition(gateway(gateway), type, status, reason);
  }

  /**
   * The status entry of {@code parent} (matched as in {@link #isAcceptedBy(ParentReference)})
   * reports condition {@code type} with {@code status}, and with {@code reason} unless null, for
   * the current generation.
   */
  public RouteAssert hasParentCondition(
      ParentReference parent, String type, boolean status, String reason) {
    return hasCondition(Parent.of(parent, namespace()), type, status, reason);
  }

  private RouteAssert hasCondition(Parent parent, String type, boolean status, String reason) {
    List<JsonNode> entries = entries(parent);
    if (entries.isEmpty()) {
      failWithMessage(
          "Expected %s to have a status entry for parent %s but it has none%s",
          describe(), parent, statusText());
    }
    for (JsonNode entry : entries) {
      JsonNode c = StatusTrees.current(entry.path("conditions"), type, generation());
      if (c == null
          || !(status ? "True" : "False").equals(c.path("status").asText())
          || (reason != null && !reason.equals(c.path("reason").asText()))) {
        failWithMessage(
            "Expected %s to have %s=%s%s from parent %s but was %s%s",
            describe(),
            type,
            status ? "True" : "False",
            reason == null ? "" : " (" + reason + ")",
            Parent.of(entry.path("parentRef"), namespace()),
            StatusTrees.describe(c),
            statusText());
      }
    }
    return this;
  }

  /** Some rule sends to backend {@code name} with {@code weight} (an absent weight counts as 1). */
  public RouteAssert hasBackendWeight(String name, int weight) {
    List<String> seen = new ArrayList<>();
    for (JsonNode rule : tree.path("spec").path("rules")) {
      for (JsonNode ref : rule.path("backendRefs")) {
        int w = ref.path("weight").asInt(1);
        seen.add(ref.path("name").asText() + "=" + w);
        if (name.equals(ref.path("name").asText()) && w == weight) {
          return this;
        }
      }
    }
    failWithMessage(
        "Expected %s to send to backend %s with weight %s but its backends are %s",
        describe(), name, weight, seen);
    return this;
  }

  /**
   * Whether a status entry for the Gateway {@code gateway} (as in {@link #isAcceptedBy(String)})
   * exists (written by any controller).
   */
  public RouteAssert hasParent(String gateway) {
    return hasParent(gateway(gateway));
  }

  /**
   * Whether a status entry for {@code parent} (matched as in {@link
   * #isAcceptedBy(ParentReference)}) exists.
   */
  public RouteAssert hasParent(ParentReference parent) {
    return hasParent(Parent.of(parent, namespace()));
  }

  private RouteAssert hasParent(Parent parent) {
    if (entries(parent).isEmpty()) {
      failWithMessage(
          "Expected %s to have a status entry for parent %s%s", describe(), parent, statusText());
    }
    return this;
  }

  /** The status entries that describe {@code parent}. */
  private List<JsonNode> entries(Parent parent) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : parents()) {
      if (parent.matches(Parent.of(p.path("parentRef"), namespace()))) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * {@code namespace/name} or a bare name, resolved through spec.parentRefs (see {@link
   * #isAcceptedBy(String)}).
   */
  private Parent gateway(String gateway) {
    int slash = gateway.indexOf('/');
    if (slash >= 0) {
      return new Parent(
          Parent.GROUP,
          "Gateway",
          gateway.substring(0, slash),
          gateway.substring(slash + 1),
          null,
          null,
          true);
    }
    Set<String> namespaces = new TreeSet<>();
    for (JsonNode ref : tree.path("spec").path("parentRefs")) {
      Parent p = Parent.of(ref, namespace());
      if (p.group.equals(Parent.GROUP) && p.kind.equals("Gateway") && p.name.equals(gateway)) {
        namespaces.add(p.namespace);
      }
    }
    if (namespaces.size() > 1) {
      failWithMessage(
          "Expected a parent Gateway %s of %s, but its parentRefs name Gateways %s in namespaces %s: "
              + "say which as namespace/name",
          gateway, describe(), gateway, namespaces);
    }
    String ns = namespaces.isEmpty() ? namespace() : namespaces.iterator().next();
    return new Parent(Parent.GROUP, "Gateway", ns, gateway, null, null, true);
  }

  private List<JsonNode> parents() {
    List<JsonNode> out = new ArrayList<>();
    tree.path("status").path("parents").forEach(out::add);
    return out;
  }

  private String namespace() {
    return tree.path("metadata").path("namespace").asText();
  }

  private long generation() {
    return tree.path("metadata").path("generation").asLong(0);
  }

  private String describe() {
    return tree.path("kind").asText()
        + " "
        + tree.path("metadata").path("namespace").asText()
        + "/"
        + tree.path("metadata").path("name").asText();
  }

  private String statusText() {
    return "\nstatus: " + (tree.has("status") ? tree.get("status").toString() : "(none)");
  }

  /**
   * A parent reference with the API's defaults filled in; {@code anySection} matches every
   * sectionName and port.
   */
  private static final class Parent {
    static final String GROUP = GatewayApiKind.GROUP;
    final String group;
    final String kind;
    final String namespace;
    final String name;
    final String sectionName;
    final Integer port;
    final boolean anySection;

    Parent(
        String group,
        String kind,
        String namespace,
        String name,
        String sectionName,
        Integer port,
        boolean anySection) {
      this.group = group;
      this.kind = kind;
      this.namespace = namespace;
      this.name = name;
      this.sectionName = sectionName;
      this.port = port;
      this.anySection = anySection;
    }

    static Parent of(ParentReference ref, String routeNamespace) {
      return new Parent(
          ref.group().orElse(GROUP),
          ref.kind().orElse("Gateway"),
          ref.namespace().orElse(routeNamespace),
          ref.name(),
          ref.sectionName().orElse(null),
          ref.port().orElse(null),
          false);
    }

    static Parent of(JsonNode ref, String routeNamespace) {
      return new Parent(
          ref.path("group").asText(GROUP),
          ref.path("kind").asText("Gateway"),
          ref.path("namespace").asText(routeNamespace),
          ref.path("name").asText(),
          ref.hasNonNull("sectionName") ? ref.get("sectionName").asText() : null,
          ref.hasNonNull("port") ? ref.get("port").asInt() : null,
          false);
    }

    boolean matches(Parent entry) {
      return group.equals(entry.group)
          && kind.equals(entry.kind)
          && namespace.equals(entry.namespace)
          && name.equals(entry.name)
          && (anySection
              || Objects.equals(sectionName, entry.sectionName)
                  && Objects.equals(port, entry.port));
    }

    @Override
    public String toString() {
      return (group.equals(GROUP) ? "" : (group.isEmpty() ? "core" : group) + " ")
          + kind
          + " "
          + namespace
          + "/"
          + name
          + (sectionName == null ? "" : " section " + sectionName)
          + (port == null ? "" : " port " + port);
    }
  }
}
