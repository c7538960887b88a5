package dev.gatewaysdk.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after which Netty reports a leaked buffer (released never, garbage collected):
 * the data plane's and the test servers' alike. The surefire configuration of this module makes
 * {@link Detector} Netty's leak detector ({@code io.netty.customResourceLeakDetector}); run with
 * {@code -Dio.netty.leakDetection.level=paranoid} to track every buffer instead of a sample.
 */
public final class NettyLeaks implements AfterAllCallback {
  private static final List<String> LEAKS = new ArrayList<>();

  /** Netty's detector, recording each leak it reports (it also logs it, as the default does). */
  public static final class Detector<T> extends ResourceLeakDetector<T> {
    public Detector(Class<?> resourceType, int samplingInterval) {
      super(resourceType, samplingInterval);
    }

    /** The constructor Netty looks for first (it logs an error when it is missing). */
    public Detector(Class<?> resourceType, int samplingInterval, long maxActive) {
      super(resourceType, samplingInterval);
    }

    @Override
    protected boolean needReport() {
      return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
      record(resourceType + " leaked:" + records);
      super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
      record(resourceType + " leaked (no access records at this level)");
      super.reportUntracedLeak(resourceType);
    }
  }

  private static void record(String leak) {
    synchronized (LEAKS) {
      LEAKS.add(leak);
    }
  }

  /** Whether {@link Detector} is Netty's leak detector in this JVM. */
  static boolean installed() {
    return Detector.class
        .getName()
        .equals(System.getProperty("io.netty.customResourceLeakDetector"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (!installed()) {
      return;
    }
    // Unreleased buffers are reported once collected, when a later allocation is tracked.
    for (int round = 0; round < 3; round++) {
      System.gc();
      Thread.sleep(50);
      for (int i = 0; i < 512; i++) {
        ByteBuf b =
            (i % 2 == 0 ? PooledByteBufAllocator.DEFAULT : UnpooledByteBufAllocator.DEFAULT)
                .directBuffer(16);
        b.release();
      }
    }
    List<String> leaks;
    synchronized (LEAKS) {
      leaks = List.copyOf(LEAKS);
      LEAKS.clear();
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          leaks.size()
              + " Netty buffer leak(s) reported during or before "
              + context.getDisplayName()
              + ":\n"
              + String.join("\n", leaks));
    }
  }
}
