package dev.gatewaysdk.model;

import dev.gatewaysdk.model.internal.ReleaseTable;
import dev.gatewaysdk.model.internal.Releases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the official Gateway API CRDs come from: the CRD source setting.
 *
 * <p>The system property {@value #PROPERTY} or the environment variable {@value #ENV} names a
 * directory laid out as {@code <version>/<channel>-install.yaml}. Unset, the official release asset
 * is downloaded once from {@value #DOWNLOAD_BASE} into {@code
 * ~/.cache/gatewaysdk/gateway-api/<version>/} and read from there. Instances are immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Path install = CrdSource.fromEnvironment().installManifest(CrdSource.LATEST_RELEASE, Channel.EXPERIMENTAL);
 * }</pre>
 */
public final class CrdSource {
  public static final String PROPERTY = "gatewaysdk.crds";
  public static final String ENV = "GATEWAYSDK_CRDS";
  public static final String DOWNLOAD_BASE =
      "https://github.com/kubernetes-sigs/gateway-api/releases/download/";

  /** The newest Gateway API release this SDK targets: {@value}. */
  public static final String LATEST_RELEASE = ReleaseTable.LATEST;

  private static final Logger LOG = LoggerFactory.getLogger(CrdSource.class);

  private final Optional<Path> directory;
  private final Path cache;
  private final String downloadBase;

  private CrdSource(Optional<Path> directory, Path cache, String downloadBase) {
    this.directory = directory;
    this.cache = cache;
    this.downloadBase = downloadBase;
  }

  /**
   * The source the setting names: the property, else the environment variable, else download and
   * cache.
   */
  public static CrdSource fromEnvironment() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENV);
    }
    Optional<Path> dir =
        configured == null || configured.isBlank()
            ? Optional.empty()
            : Optional.of(Paths.get(configured));
    return new CrdSource(dir, defaultCache(), DOWNLOAD_BASE);
  }

  /** A source reading only from {@code directory} ({@code <version>/<channel>-install.yaml}). */
  public static CrdSource ofDirectory(Path directory) {
    return new CrdSource(Optional.of(directory), defaultCache(), DOWNLOAD_BASE);
  }

  /**
   * A source that downloads from {@code downloadBase} into {@code cacheDirectory}; for mirrors and
   * tests.
   */
  public static CrdSource downloading(Path cacheDirectory, String downloadBase) {
    return new CrdSource(
        Optional.empty(),
        cacheDirectory,
        downloadBase.endsWith("/") ? downloadBase : downloadBase + "/");
  }

  /** The configured directory, if the setting names one. */
  public Optional<Path> directory() {
    return directory;
  }

  /**
   * The path of {@code <channel>-install.yaml} of {@code release}, downloading it first if needed.
   *
   * @throws CrdSourceException if the file is neither configured, cached nor downloadable
   * @throws IllegalArgumentException if {@code release} is not a version such as {@value
   *     #LATEST_RELEASE}
   */
  public Path installManifest(String release, Channel channel) {
    Releases.require(release);
    String file = channel.id() + "-install.yaml";
    if (directory.isPresent()) {
      Path p = directory.get().resolve(release).resolve(file);
      if (Files.isRegularFile(p)) {
        return p;
      }
      throw new CrdSourceException(
          "Gateway API CRDs not found at "
              + p
              + " (from "
              + PROPERTY
              + "/"
              + ENV
              + "="
              + directory.get()
              + "). That directory must hold <version>/<channel>-install.yaml, e.g. "
              + release
              + "/"
              + file
              + ", as published at "
              + downloadBase
              + release
              + "/"
              + file);
    }
    Path cached = cache.resolve(release).resolve(file);
    if (Files.isRegularFile(cached)) {
      return cached;
    }
    download(URI.create(downloadBase + release + "/" + file), cached, release, file);
    return cached;
  }

  /** The text of {@link #installManifest(String, Channel)}. */
  public String readInstallManifest(String release, Channel channel) {
    Path p = installManifest(release, channel);
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new CrdSourceException(
          "cannot read Gateway API CRDs from " + p + ": " + e.getMessage(), e);
    }
  }

  private void download(URI uri, Path target, String release, String file) {
    LOG.info("Downloading Gateway API {} CRDs from {} into {}", release, uri, target);
    try {
      Files.createDirectories(target.getParent());
      HttpClient http =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("HTTP " + response.statusCode());
      }
      Path tmp = Files.createTempFile(target.getParent(), file, ".part");
      try (InputStream in = response.body()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw unavailable(uri, target, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(uri, target, e);
    }
  }

  private static CrdSourceException unavailable(URI uri, Path target, Exception cause) {
    return new CrdSourceException(
        "Gateway API CRDs are not available: download of "
            + uri
            + " failed ("
            + cause
            + "). Either set the "
            + "system property "
            + PROPERTY
            + " or the environment variable "
            + ENV
            + " to a directory laid out "
            + "as <version>/<channel>-install.yaml, or place the release asset at "
            + target,
        cause);
  }

  private static Path defaultCache() {
    return Paths.get(System.getProperty("user.home"), ".cache", "gatewaysdk", "gateway-api");
  }
}
