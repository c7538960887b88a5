package dev.gatewaysdk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What one target of {@link GatewayProxyBenchmark} costs per request, in measures that do not
 * depend on what else the machine runs: CPU time and bytes allocated by the Gateway's event loops
 * (the {@code gatewaysdk-gateway} threads), CPU time of the whole benchmark JVM (API server and
 * controller included) and of the two nginx instances' processes (the backend, the reverse proxy),
 * and the JVM's GC pauses (count, total, longest) per 100,000 requests. Summed over a target's
 * rounds.
 */
final class Cost {
  private static final AtomicLong GC_PAUSES = new AtomicLong();
  private static final AtomicLong GC_PAUSE_MILLIS = new AtomicLong();
  private static final AtomicLong GC_MAX_PAUSE_MILLIS = new AtomicLong();
  private static final long TICK_NANOS = 10_000_000L; // USER_HZ 100 on Linux

  static {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, hb) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    n.getType())) {
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                  long ms = info.getGcInfo().getDuration();
                  GC_PAUSES.incrementAndGet();
                  GC_PAUSE_MILLIS.addAndGet(ms);
                  GC_MAX_PAUSE_MILLIS.accumulateAndGet(ms, Math::max);
                }
              },
              null,
              null);
    }
  }

  /** The counters at one moment. */
  record Snapshot(
      long eventLoopCpu,
      long eventLoopAlloc,
      long processCpu,
      long gcPauses,
      long gcPauseMillis,
      long backendCpu,
      long proxyCpu,
      long eventLoopSystemCpu) {}

  private long requests;
  private long eventLoopCpu;
  private long eventLoopAlloc;
  private long processCpu;
  private long gcPauses;
  private long gcPauseMillis;
  private long backendCpu;
  private long proxyCpu;
  private long eventLoopSystemCpu;

  static Snapshot snapshot(Process backend, Process proxy) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("gatewaysdk-gateway"))
            .mapToLong(Thread::getId)
            .toArray();
    long cpu = 0;
    for (long t : threads.getThreadCpuTime(ids)) {
      cpu += Math.max(0, t);
    }
    long alloc = 0;
    for (long a : threads.getThreadAllocatedBytes(ids)) {
      alloc += Math.max(0, a);
    }
    long process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new Snapshot(
        cpu,
        alloc,
        process,
        GC_PAUSES.get(),
        GC_PAUSE_MILLIS.get(),
        nginxCpu(backend),
        nginxCpu(proxy),
        eventLoopSystemCpu());
  }

  /**
   * System (kernel) CPU time of the event loop threads, from /proc/self/task (0 where unavailable);
   * their thread name shows there cut to 15 characters.
   */
  private static long eventLoopSystemCpu() {
    long ticks = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          if (Files.readString(task.resolve("comm")).startsWith("gatewaysdk-gate")) {
            ticks += stat(task.resolve("stat"))[1];
          }
        } catch (Exception e) {
          // gone
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return ticks * TICK_NANOS;
  }

  /** {utime, stime} in clock ticks from a /proc stat file. */
  private static long[] stat(Path file) throws java.io.IOException {
    String stat = Files.readString(file);
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
  }

  /** CPU time of nginx's master and workers, from /proc (0 where unavailable). */
  private static long nginxCpu(Process nginx) {
    long ticks = 0;
    List<ProcessHandle> all = new ArrayList<>();
    all.add(nginx.toHandle());
    try (Stream<ProcessHandle> d = nginx.descendants()) {
      d.forEach(all::add);
    }
    for (ProcessHandle p : all) {
      try {
        long[] t = stat(Path.of("/proc/" + p.pid() + "/stat"));
        ticks += t[0] + t[1];
      } catch (Exception e) {
        // gone, or no /proc
      }
    }
    return ticks * TICK_NANOS;
  }

  void add(Snapshot before, Snapshot after, long requests) {
    this.requests += requests;
    eventLoopCpu += after.eventLoopCpu() - before.eventLoopCpu();
    eventLoopAlloc += after.eventLoopAlloc() - before.eventLoopAlloc();
    processCpu += after.processCpu() - before.processCpu();
    gcPauses += after.gcPauses() - before.gcPauses();
    gcPauseMillis += after.gcPauseMillis() - before.gcPauseMillis();
    backendCpu += after.backendCpu() - before.backendCpu();
    proxyCpu += after.proxyCpu() - before.proxyCpu();
    eventLoopSystemCpu += after.eventLoopSystemCpu() - before.eventLoopSystemCpu();
  }

  static void print(String[] names, Cost[] costs) {
    System.out.println(
        "| target | requests | Gateway event loops: CPU µs/request (of which kernel) |"
            + " bytes allocated/request |"
            + " whole JVM: CPU µs/request | GC pauses per 100k requests (ms in all) |"
            + " backend nginx: CPU µs/request | nginx reverse proxy: CPU µs/request |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (int t = 0; t < names.length; t++) {
      Cost c = costs[t];
      double n = Math.max(1, c.requests);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.1f (%.1f) | %.0f | %.1f | %.1f (%.0f) | %.1f | %.1f |%n",
          names[t],
          c.requests,
          c.eventLoopCpu / n / 1000,
          c.eventLoopSystemCpu / n / 1000,
          c.eventLoopAlloc / n,
          c.processCpu / n / 1000,
          c.gcPauses * 100_000 / n,
          c.gcPauseMillis * 100_000 / n,
          c.backendCpu / n / 1000,
          c.proxyCpu / n / 1000);
    }
    System.out.printf(
        Locale.ROOT, "%nLongest GC pause of the JVM so far: %d ms%n%n", GC_MAX_PAUSE_MILLIS.get());
  }
}
