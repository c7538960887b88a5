package dev.gatewaysdk.model;

import java.util.List;
import java.util.Optional;

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
public final class ManifestDocument {
  private final String source;
  private final int documentNumber;
  private final int line;
  private final String apiVersion;
  private final String kind;
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
    this.source = source;
    this.documentNumber = documentNumber;
    this.line = line;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.object = object;
    this.notes = List.copyOf(notes);
  }

  /** The file name or other source label, when the input came from a named source. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** The 1-based position of the document in its stream (empty documents count). */
  public int documentNumber() {
    return documentNumber;
  }

  /** The 1-based line where the document (or list item) starts, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The {@code apiVersion} as written. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The {@code kind} as written. */
  public String kind() {
    return kind;
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
    return (source == null ? "" : source + " ")
        + "document "
        + documentNumber
        + ": "
        + kind
        + " "
        + apiVersion;
  }
}
