package dev.gatewaysdk.testing.internal.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Kubeconfig files handed to tools such as kubectl. */
public final class Kubeconfigs {
  private Kubeconfigs() {}

  /**
   * Writes {@code kubeconfig} to a new temporary file readable by its owner only; the caller
   * deletes it.
   */
  public static Path writeTemporary(String kubeconfig) {
    try {
      Path f = Files.createTempFile("gatewaysdk-kubeconfig-", ".yaml");
      try {
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      Files.writeString(f, kubeconfig);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig: " + e.getMessage(), e);
    }
  }
}
