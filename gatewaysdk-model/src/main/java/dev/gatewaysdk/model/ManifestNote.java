package dev.gatewaysdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Something worth telling about a document that was read anyway, such as an API version no current
 * Gateway API release serves. {@link Manifests#check(String)} collects them; a {@linkplain
 * ManifestReader.Builder#strict(boolean) strict} reader fails instead. Instances are immutable.
 *
 * <pre>{@code
 * for (ManifestNote note : Manifests.check(Path.of("routes.yaml"))) {
 *   System.err.println(note);  // routes.yaml document 2 (line 12): HTTPRoute gateway.networking.k8s.io/v1alpha2 is ...
 * }
 * }</pre>
 */
public final class ManifestNote {
  private final String source;
  private final int documentNumber;
  private final int line;
  private final String apiVersion;
  private final String kind;
  private final String message;

  ManifestNote(
      String source, int documentNumber, int line, String apiVersion, String kind, String message) {
    this.source = source;
    this.documentNumber = documentNumber;
    this.line = line;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.message = message;
  }

  /** The file name or other source label, when the input came from a named source. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The 1-based position of the document in its stream. */
  public int documentNumber() {
    return documentNumber;
  }

  /** The 1-based line where the document starts, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The document's {@code apiVersion}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The document's {@code kind}. */
  public String kind() {
    return kind;
  }

  /** The explanation, without the location prefix. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ManifestNote)) {
      return false;
    }
    ManifestNote n = (ManifestNote) o;
    return documentNumber == n.documentNumber
        && line == n.line
        && Objects.equals(source, n.source)
        && apiVersion.equals(n.apiVersion)
        && kind.equals(n.kind)
        && message.equals(n.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, documentNumber, line, apiVersion, kind, message);
  }

  /** {@code [source ]document N (line L): message}. */
  @Override
  public String toString() {
    return (source == null ? "" : source + " ")
        + "document "
        + documentNumber
        + (line > 0 ? " (line " + line + ")" : "")
        + ": "
        + message;
  }
}
