package dev.gatewaysdk.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A manifest could not be read or written: malformed YAML or JSON, a field of the wrong type, an
 * unknown Gateway API kind or version, or input beyond a safety limit (document size, nesting
 * depth, YAML aliases).
 *
 * <p>The message names everything known about the failure, for example {@code routes.yaml document
 * 2 (line 14, column 17) at spec.rules[0].backendRefs[1].weight: expected an integer, got "ten"};
 * the same parts are available as {@link #source()}, {@link #documentNumber()}, {@link #line()},
 * {@link #column()}, {@link #fieldPath()} and {@link #reason()}. Instances are immutable.
 */
public final class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int documentNumber;
  private final int line;
  private final int column;
  private final String fieldPath;
  private final String reason;

  /**
   * Creates an exception; {@code documentNumber}, {@code line} and {@code column} are 1-based, 0
   * when unknown; {@code source} and {@code fieldPath} may be null.
   */
  public ManifestException(
      String source,
      int documentNumber,
      int line,
      int column,
      String fieldPath,
      String reason,
      Throwable cause) {
    super(format(source, documentNumber, line, column, fieldPath, reason), cause);
    this.source = source;
    this.documentNumber = Math.max(0, documentNumber);
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.fieldPath = fieldPath == null || fieldPath.isEmpty() ? null : fieldPath;
    this.reason = reason;
  }

  /** An exception about no particular document, such as a value that cannot be written. */
  public ManifestException(String reason, Throwable cause) {
    this(null, 0, 0, 0, null, reason, cause);
  }

  /** The file name or other source label, when the input came from a named source. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /**
   * The 1-based position of the document in its stream (counting {@code ---} separated documents).
   */
  public OptionalInt documentNumber() {
    return documentNumber == 0 ? OptionalInt.empty() : OptionalInt.of(documentNumber);
  }

  /** The 1-based line in the source, where known. */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** The 1-based column in the source, where known. */
  public OptionalInt column() {
    return column == 0 ? OptionalInt.empty() : OptionalInt.of(column);
  }

  /**
   * The path of the offending field such as {@code spec.rules[0].backendRefs[1].weight}, where
   * known.
   */
  public Optional<String> fieldPath() {
    return Optional.ofNullable(fieldPath);
  }

  /** What is wrong, without the location prefix. */
  public String reason() {
    return reason;
  }

  private static String format(
      String source, int documentNumber, int line, int column, String fieldPath, String reason) {
    StringBuilder where = new StringBuilder();
    if (source != null) {
      where.append(source);
    }
    if (documentNumber > 0) {
      where.append(where.length() > 0 ? " " : "").append("document ").append(documentNumber);
    }
    if (line > 0) {
      where.append(where.length() > 0 ? " " : "").append("(line ").append(line);
      if (column > 0) {
        where.append(", column ").append(column);
      }
      where.append(')');
    }
    if (fieldPath != null && !fieldPath.isEmpty()) {
      where.append(where.length() > 0 ? " " : "").append("at ").append(fieldPath);
    }
    return where.length() == 0 ? reason : where + ": " + reason;
  }
}
