package dev.gatewaysdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a manifest document stands and what it declares: the part {@link ManifestDocument} and
 * {@link ManifestNote} share. Immutable.
 */
abstract class DocumentPlace {
  private final String source;
  private final int documentNumber;
  private final int line;
  private final String apiVersion;
  private final String kind;

  DocumentPlace(String source, int documentNumber, int line, String apiVersion, String kind) {
    this.source = source;
    this.documentNumber = documentNumber;
    this.line = line;
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** The file name or other source label, when the input came from a named source. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * The 1-based position of the document in its stream (empty documents count; the items of a
   * {@code v1 List} share the list's number).
   */
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

  /** Whether {@code other} stands at the same place and declares the same. */
  final boolean samePlace(DocumentPlace other) {
    return documentNumber == other.documentNumber
        && line == other.line
        && Objects.equals(source, other.source)
        && apiVersion.equals(other.apiVersion)
        && kind.equals(other.kind);
  }

  final int placeHash() {
    return Objects.hash(source, documentNumber, line, apiVersion, kind);
  }

  /** {@code [source ]document N}. */
  final String where() {
    return (source == null ? "" : source + " ") + "document " + documentNumber;
  }
}
