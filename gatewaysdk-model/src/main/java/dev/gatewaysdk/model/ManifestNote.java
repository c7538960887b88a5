package dev.gatewaysdk.model;

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
public final class ManifestNote extends DocumentPlace {
  private final String message;

  ManifestNote(
      String source, int documentNumber, int line, String apiVersion, String kind, String message) {
    super(source, documentNumber, line, apiVersion, kind);
    this.message = message;
  }

  /** The explanation, without the location prefix. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ManifestNote
        && samePlace((ManifestNote) o)
        && message.equals(((ManifestNote) o).message);
  }

  @Override
  public int hashCode() {
    return 31 * placeHash() + message.hashCode();
  }

  /** {@code [source ]document N (line L): message}. */
  @Override
  public String toString() {
    return where() + (line() > 0 ? " (line " + line() + ")" : "") + ": " + message;
  }
}
