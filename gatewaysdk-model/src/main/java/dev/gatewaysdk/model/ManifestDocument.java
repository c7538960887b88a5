package dev.gatewaysdk.model;

import java.util.List;

/**
 * One document of a manifest as read: the object (a typed Gateway API object or a {@link
 * GenericObject}), where it came from and any {@linkplain ManifestNote notes} about it. A {@code v1
 * List} document yields one {@code ManifestDocument} per item, all with the list's document number.
 * Instances are immutable.
 *
 * <pre>{@code
 * for (ManifestDocument doc : Manifests.readDocuments(Path.of("app.yaml"))) {
 *   System.out.println(doc.documentNumber() + ": " + doc.kind());
 *   doc.notes().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ManifestDocument extends DocumentPlace {
  private final Object object;
  private final List<ManifestNote> notes;

  ManifestDocument(
      String source,
      int documentNumber,
      int line,
      String apiVersion,
      String kind,
      Object object,
      List<ManifestNote> notes) {
    super(source, documentNumber, line, apiVersion, kind);
    this.object = object;
    this.notes = List.copyOf(notes);
  }

  /** The object: an instance of the kind's Gateway API type, or a {@link GenericObject}. */
  public Object object() {
    return object;
  }

  /** The notes about this document; empty when there is nothing to say. */
  public List<ManifestNote> notes() {
    return notes;
  }

  @Override
  public String toString() {
    return where() + ": " + kind() + " " + apiVersion();
  }
}
