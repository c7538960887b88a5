package dev.gatewaysdk.testing.internal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.AlreadyExistsException;
import dev.gatewaysdk.core.ApiStatus;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.model.Manifests;
import dev.gatewaysdk.testing.internal.kube.Kube;
import dev.gatewaysdk.testing.internal.kube.WatchStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the documents of a Gateway API install manifest (CRDs and the safe-upgrades admission
 * policy) into a cluster, replacing older versions, then waits, by watching, until every CRD is
 * {@code Established}.
 */
final class CrdInstaller {
  private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  private CrdInstaller() {}

  /** Installs and waits; returns the names of the CRDs. */
  static Set<String> install(Kube kube, Path manifest, Duration timeout) {
    Set<String> crds = new LinkedHashSet<>();
    List<Object> docs = Manifests.readAll(manifest);
    for (Object doc : docs) {
      ObjectNode tree = Manifests.toTree(doc);
      String kind = tree.path("kind").asText();
      String name = tree.path("metadata").path("name").asText();
      Kube.ResourceInfo r;
      try {
        r = kube.resource(tree.path("apiVersion").asText(), kind);
      } catch (NotFoundException e) {
        LOG.info("skipping {} {}: not served by this cluster", kind, name);
        continue;
      }
      try {
        kube.create(r.collection(null), tree);
      } catch (AlreadyExistsException e) {
        ObjectNode existing = kube.get(r.item(null, name));
        tree.with("metadata")
            .put("resourceVersion", existing.path("metadata").path("resourceVersion").asText());
        kube.replace(r.item(null, name), tree);
      }
      if ("CustomResourceDefinition".equals(kind)) {
        crds.add(name);
      }
    }
    awaitEstablished(kube, crds, timeout);
    return crds;
  }

  /** Watches CRDs until all of {@code names} have condition Established=True. */
  static void awaitEstablished(Kube kube, Set<String> names, Duration timeout) {
    Set<String> pending = new LinkedHashSet<>(names);
    long deadline = System.nanoTime() + timeout.toNanos();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gatewaysdk-crd-wait");
              t.setDaemon(true);
              return t;
            });
    try {
      String rv = null;
      while (true) {
        if (rv == null) {
          ObjectNode list = kube.list(CRDS, null);
          for (JsonNode crd : list.path("items")) {
            if (established(crd)) {
              pending.remove(crd.path("metadata").path("name").asText());
            }
          }
          rv = list.path("metadata").path("resourceVersion").asText(null);
        }
        if (pending.isEmpty() || System.nanoTime() >= deadline) {
          break;
        }
        try (WatchStream w = kube.watch(CRDS, rv)) {
          timer.schedule(w::close, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          for (Optional<JsonNode> e = w.next(); e.isPresent() && !pending.isEmpty(); e = w.next()) {
            JsonNode obj = e.get().path("object");
            if ("ERROR".equals(e.get().path("type").asText())) {
              rv = null; // expired: list again
              break;
            }
            rv = obj.path("metadata").path("resourceVersion").asText(rv);
            if (established(obj)) {
              pending.remove(obj.path("metadata").path("name").asText());
            }
          }
        }
      }
    } finally {
      timer.shutdownNow();
    }
    if (!pending.isEmpty()) {
      throw new GatewayApiException(
          "CRDs not Established within " + timeout + ": " + pending,
          ApiStatus.of(0, "Timeout", "CRDs not established: " + pending));
    }
  }

  private static boolean established(JsonNode crd) {
    for (JsonNode c : crd.path("status").path("conditions")) {
      if ("Established".equals(c.path("type").asText())
          && "True".equals(c.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
