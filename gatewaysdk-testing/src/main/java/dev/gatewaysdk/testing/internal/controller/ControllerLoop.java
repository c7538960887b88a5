package dev.gatewaysdk.testing.internal.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.ConflictException;
import dev.gatewaysdk.core.GatewayApiException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.testing.internal.kube.Informer;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Reconciler}: one informer per watched kind, and one worker thread that, after any
 * change, applies the snapshot to the data plane at once, waits the configured status delay (the
 * data plane keeps following changes meanwhile), reconciles the whole snapshot and writes each
 * changed status through the {@code /status} subresource (a conflict just causes another pass).
 */
public final class ControllerLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerLoop.class);
  private static final List<String> GATEWAY_KINDS =
      List.of(
          "GatewayClass",
          "Gateway",
          "ListenerSet",
          "HTTPRoute",
          "GRPCRoute",
          "TLSRoute",
          "TCPRoute",
          "UDPRoute",
          "ReferenceGrant",
          "BackendTLSPolicy");

  private final Kube kube;
  private final Reconciler reconciler;
  private final Duration delay;
  private final Map<String, Kube.ResourceInfo> resources = new LinkedHashMap<>();
  private final Map<String, Informer> informers = new LinkedHashMap<>();
  private Kube.ResourceInfo events;
  private final Object lock = new Object();
  private final AtomicLong changes = new AtomicLong();
  private long handled;
  private final Thread worker;
  private final DataPlaneHook dataPlane;
  private volatile boolean closed;

  public ControllerLoop(Kube kube, Reconciler reconciler, Duration delay) {
    this(kube, reconciler, delay, null);
  }

  /** A loop that applies each snapshot to {@code dataPlane} (may be null) before reconciling it. */
  public ControllerLoop(Kube kube, Reconciler reconciler, Duration delay, DataPlaneHook dataPlane) {
    this.dataPlane = dataPlane;
    this.kube = kube;
    this.reconciler = reconciler;
    this.delay = delay;
    this.worker = new Thread(this::work, "gatewaysdk-simulated-controller");
    worker.setDaemon(true);
  }

  /**
   * Discovers the served kinds, starts the informers and the worker, and waits for the first lists.
   *
   * @throws GatewayApiException if the cluster does not serve the Gateway API
   */
  public ControllerLoop start(Duration syncTimeout) {
    for (String kind : GATEWAY_KINDS) {
      kube.preferredResource(Reconciler.GROUP, kind).ifPresent(r -> resources.put(kind, r));
    }
    if (!resources.containsKey("GatewayClass") || !resources.containsKey("Gateway")) {
      throw new GatewayApiException(
          "the cluster does not serve the Gateway API (GatewayClass, Gateway)",
          dev.gatewaysdk.core.ApiStatus.of(
              404, "NotFound", "gateway.networking.k8s.io not served"));
    }
    resources.put("Service", kube.resource("v1", "Service"));
    resources.put("Secret", kube.resource("v1", "Secret"));
    resources.put("Namespace", kube.resource("v1", "Namespace"));
    resources.put("ConfigMap", kube.resource("v1", "ConfigMap"));
    if (dataPlane != null) {
      for (String[] k : dataPlane.kinds()) {
        resources.put(k[1], kube.resource(k[0], k[1]));
      }
    }
    for (Map.Entry<String, Kube.ResourceInfo> e : resources.entrySet()) {
      informers.put(e.getKey(), new Informer(kube, e.getValue().collection(null), this::changed));
    }
    informers.values().forEach(Informer::start);
    try {
      events = kube.resource("v1", Events.KIND);
    } catch (GatewayApiException e) {
      LOG.debug(
          "the cluster serves no core/v1 Events; refusals are reported in status only: {}",
          e.getMessage());
    }
    try {
      for (Informer i : informers.values()) {
        if (!i.awaitSynced(syncTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
          close();
          throw new GatewayApiException(
              "the simulated controller's informers did not sync within " + syncTimeout,
              dev.gatewaysdk.core.ApiStatus.of(0, "Timeout", "informer sync"));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the simulated controller", e);
    }
    worker.start();
    changed();
    return this;
  }

  private void changed() {
    synchronized (lock) {
      changes.incrementAndGet();
      lock.notifyAll();
    }
  }

  private void work() {
    while (!closed) {
      try {
        synchronized (lock) {
          while (!closed && changes.get() == handled) {
            lock.wait();
          }
          handled = changes.get();
        }
        if (closed) {
          return;
        }
        if (!delay.isZero() && !awaitStatusDelay()) {
          return;
        }
        pass();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("simulated controller pass failed", e);
        sleepQuietly(200);
        changed();
      }
    }
  }

  /**
   * The status delay holds back status only: the data plane follows this change and every further
   * one at once, and status is written when the delay has elapsed since the first. False if closed.
   */
  private boolean awaitStatusDelay() throws InterruptedException {
    long until = System.nanoTime() + delay.toNanos();
    while (true) {
      if (dataPlane != null) {
        dataPlane.apply(snapshot());
      }
      synchronized (lock) {
        long left;
        while (!closed && changes.get() == handled && (left = until - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
        if (closed) {
          return false;
        }
        if (changes.get() == handled) {
          return true;
        }
        handled = changes.get();
      }
    }
  }

  /**
   * The informers' objects, each kind copied when first read and then fixed: the data plane and the
   * reconciler of one pass see the same objects (a Gateway created between the data plane's apply
   * and the reconcile would otherwise be written {@code Programmed} with no data plane serving it).
   */
  Reconciler.Snapshot snapshot() {
    Map<String, Map<String, ObjectNode>> copies = new HashMap<>();
    return new Reconciler.Snapshot() {
      private Map<String, ObjectNode> copy(String kind) {
        return copies.computeIfAbsent(
            kind,
            k -> {
              Informer i = informers.get(k);
              return i == null ? Map.of() : i.copy();
            });
      }

      @Override
      public Collection<ObjectNode> list(String kind) {
        return new ArrayList<>(copy(kind).values());
      }

      @Override
      public ObjectNode get(String kind, String namespace, String name) {
        return copy(kind).get(Informer.key(namespace, name));
      }

      @Override
      public boolean serves(String kind) {
        return informers.containsKey(kind);
      }
    };
  }

  private void pass() {
    Reconciler.Snapshot snapshot = snapshot();
    Map<String, DataPlaneHook.Binding> bindings =
        dataPlane == null ? null : dataPlane.apply(snapshot);
    List<Reconciler.Update> updates = reconciler.reconcile(snapshot, bindings);
    boolean retry = false;
    for (Reconciler.Update u : updates) {
      if (closed) {
        return;
      }
      String ns = Reconciler.namespace(u.object);
      if (Events.KIND.equals(u.kind)) {
        createEvent(ns, u);
        continue;
      }
      Kube.ResourceInfo r = resources.get(u.kind);
      String path = r.item(ns.isEmpty() ? null : ns, Reconciler.name(u.object)) + "/status";
      try {
        kube.replace(path, u.object);
        LOG.debug("wrote status of {}", u);
      } catch (ConflictException | NotFoundException e) {
        LOG.debug("status of {} not written ({}); retrying with fresh state", u, e.getMessage());
        retry = true;
      } catch (GatewayApiException e) {
        if (closed) {
          return;
        }
        LOG.warn("cannot write status of {}: {}", u, e.getMessage());
      }
    }
    if (retry) {
      sleepQuietly(20);
      changed();
    }
  }

  private void createEvent(String namespace, Reconciler.Update u) {
    if (events == null) {
      return;
    }
    try {
      kube.create(events.collection(namespace), u.object);
    } catch (GatewayApiException e) {
      if (!closed) {
        LOG.debug("event {} not created: {}", u, e.getMessage());
      }
    }
  }

  /** The cached object, for tests of the controller itself. */
  public Optional<ObjectNode> cached(String kind, String namespace, String name) {
    Informer i = informers.get(kind);
    return i == null ? Optional.empty() : Optional.ofNullable(i.get(namespace, name));
  }

  public List<String> watchedKinds() {
    return new ArrayList<>(informers.keySet());
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    worker.interrupt();
    informers.values().forEach(Informer::close);
    if (dataPlane != null) {
      dataPlane.close();
    }
  }
}
