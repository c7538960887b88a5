package dev.gatewaysdk.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.canary.internal.State;
import dev.gatewaysdk.core.CanaryTraffic;
import dev.gatewaysdk.core.RouteChange;
import dev.gatewaysdk.core.RouteManager;
import dev.gatewaysdk.core.RouteRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollout's persistence: every write of a state is one {@link RouteManager#setCanaryTraffic}
 * patch of the primary route (or an annotation-only {@link RouteManager#annotate}), guarded by the
 * state and command queue as read, so that of two drivers only one advances. Writes to secondary
 * routes are fenced by the state revision they carry ({@link State#FENCE_ANNOTATION}): a driver
 * holding an older revision cannot write there.
 */
final class StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

  private final RouteManager routes;
  private final RolloutMachine machine;
  private final CanaryPlan plan;

  StateStore(RouteManager routes, RolloutMachine machine) {
    this.routes = routes;
    this.machine = machine;
    this.plan = machine.plan();
  }

  /** Another writer changed the state since it was read: read again. */
  static final class StaleState extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleState() {
      super(null, null, false, false);
    }
  }

  /**
   * Writes {@code next} (its revision one above {@code expected}'s) to the primary route, guarded
   * by the state text read ({@code expectedText}) and the consumed command queue, with the route
   * changes it implies when {@code converge}; returns the state written, or null when another
   * writer came first.
   */
  State commit(
      State expected,
      String expectedText,
      State next,
      boolean converge,
      String command,
      Instant now) {
    RouteRef ref = plan.primaryRoute();
    String key = RolloutMachine.key(ref);
    long rev = (expected == null ? 0 : expected.rev) + 1;
    boolean secondaries = plan.routes().size() > 1;
    State[] written = new State[1];
    BiFunction<ObjectNode, CanaryTraffic.Edit, Map<String, String>> annotations =
        (route, edit) -> {
          if (!Objects.equals(annotation(route, State.ANNOTATION), expectedText)) {
            throw new StaleState();
          }
          String queued = annotation(route, State.COMMAND_ANNOTATION);
          if (command != null && !command.equals(queued == null ? null : queued.trim())) {
            throw new StaleState();
          }
          State.Builder b = next.newBuilder();
          b.rev = rev;
          b.writtenAt = now;
          if (edit != null) {
            // the A/B rules this edit leaves on the route (match steps, session affinity), so that
            // a later edit removes exactly those
            if (!edit.matchRules().isEmpty()) {
              b.added.put(key, edit.matchRules());
            } else {
              b.added.remove(key);
            }
            if (edit.writes()) {
              b.changedAt = now;
              b.generations.put(key, route.path("metadata").path("generation").asLong(0) + 1);
            }
            b.synced = !secondaries;
          }
          State s = b.build();
          written[0] = s;
          Map<String, String> out = new LinkedHashMap<>();
          out.put(State.ANNOTATION, s.write());
          out.put(State.PHASE_ANNOTATION, s.phase.name());
          if (command != null) {
            String rest = RolloutMachine.remainingCommands(command);
            out.put(State.COMMAND_ANNOTATION, rest.isEmpty() ? null : rest);
          }
          return out;
        };
    try {
      RouteChange c =
          converge
              ? routes.setCanaryTraffic(ref, machine.traffic(next, ref), annotations)
              : routes.annotate(ref, route -> annotations.apply(route, null));
      logChanges(ref, c);
    } catch (StaleState e) {
      LOG.debug("canary {}: state changed by another writer; reading again", ref);
      return null;
    }
    return written[0];
  }

  /**
   * Brings the secondary routes to {@code st}, each write fenced by {@code st}'s revision, then
   * records that on the primary; returns the state written, or null when another writer came first
   * (here or on a secondary).
   */
  State sync(State st, String expectedText, Instant now) {
    State.Builder next = st.newBuilder();
    String fence = plan.id() + "#" + st.rev;
    try {
      for (int i = 1; i < plan.routes().size(); i++) {
        RouteRef ref = plan.routes().get(i);
        String key = RolloutMachine.key(ref);
        List<?>[] rules = new List<?>[1];
        long[] generation = new long[1];
        RouteChange c =
            routes.setCanaryTraffic(
                ref,
                machine.traffic(st, ref),
                (route, edit) -> {
                  String seen = annotation(route, State.FENCE_ANNOTATION);
                  if (seen != null && fenceRevision(seen) > st.rev) {
                    // a newer driver wrote here already: this one was deposed after it read its
                    // state
                    throw new StaleState();
                  }
                  rules[0] = edit.matchRules();
                  generation[0] =
                      edit.writes() ? route.path("metadata").path("generation").asLong(0) + 1 : 0;
                  return Map.of(State.FENCE_ANNOTATION, fence);
                });
        logChanges(ref, c);
        if (generation[0] > 0) {
          next.generations.put(key, generation[0]);
        }
        if (st.ab) {
          @SuppressWarnings("unchecked")
          List<JsonNode> r = (List<JsonNode>) rules[0];
          next.added.put(key, r);
        } else {
          next.added.remove(key);
        }
      }
    } catch (StaleState e) {
      LOG.debug(
          "canary {}: a newer driver wrote a secondary route; reading again", plan.primaryRoute());
      return null;
    }
    next.synced = true;
    return commit(st, expectedText, next.build(), false, null, now);
  }

  private static long fenceRevision(String fence) {
    try {
      return Long.parseLong(fence.substring(fence.lastIndexOf('#') + 1).trim());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static void logChanges(RouteRef ref, RouteChange c) {
    List<String> traffic =
        c.descriptions().stream().filter(d -> !d.contains("annotation ")).toList();
    if (!traffic.isEmpty()) {
      LOG.info("canary {}: {}", ref, traffic);
    }
  }

  static String annotation(JsonNode route, String key) {
    JsonNode v = route.path("metadata").path("annotations").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
