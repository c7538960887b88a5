package dev.gatewaysdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Which rules of a route a {@link RouteManager} change touches: all, one by index, one by {@code
 * rules[].name}, or those that reference a backend.
 *
 * <p>Instances are immutable.
 */
public final class RuleSelector {
  private static final RuleSelector ALL = new RuleSelector("all rules", (i, r) -> true);

  private final String description;
  private final BiPredicate<Integer, JsonNode> predicate;

  private RuleSelector(String description, BiPredicate<Integer, JsonNode> predicate) {
    this.description = description;
    this.predicate = predicate;
  }

  public static RuleSelector all() {
    return ALL;
  }

  /**
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public static RuleSelector index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("rule index must be >= 0: " + index);
    }
    return new RuleSelector("rule " + index, (i, r) -> i == index);
  }

  /** The rule whose {@code name} is {@code name} (rule names exist since Gateway API v1.2). */
  public static RuleSelector named(String name) {
    Objects.requireNonNull(name, "name");
    return new RuleSelector(
        "rule named " + name, (i, r) -> name.equals(r.path("name").asText(null)));
  }

  /** Rules with a {@code backendRefs[]} entry of that name. */
  public static RuleSelector withBackend(String backendName) {
    Objects.requireNonNull(backendName, "backendName");
    return new RuleSelector(
        "rules with backend " + backendName,
        (i, r) -> {
          for (JsonNode b : r.path("backendRefs")) {
            if (backendName.equals(b.path("name").asText())) {
              return true;
            }
          }
          return false;
        });
  }

  /** The indices of the selected rules in {@code rules}. */
  List<Integer> select(JsonNode rules) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (predicate.test(i, rules.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return description;
  }
}
