package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.Instantiatable;
import java.io.IOException;

/**
 * Indents JSON as {@code kubectl get -o json} does: two spaces per level, {@code "name": value},
 * empty objects and arrays as <code>{}</code> and {@code []}. Writes the same text as Jackson's
 * {@code DefaultPrettyPrinter} configured that way, but hands the generator pre-encoded strings (a
 * newline with its indentation is one raw write), which its UTF-8 generator copies without encoding
 * them again.
 */
final class IndentingPrinter implements PrettyPrinter, Instantiatable<IndentingPrinter> {
  private static final SerializedString COLON = new SerializedString(": ");
  private static final SerializedString ROOT_SEPARATOR = new SerializedString(" ");

  /** A newline and the indentation of each level up to 64; deeper levels are built on demand. */
  private static final SerializedString[] LINES = new SerializedString[64];

  static {
    for (int i = 0; i < LINES.length; i++) {
      LINES[i] = new SerializedString("\n" + "  ".repeat(i));
    }
  }

  private int nesting;

  private static SerializableString line(int level) {
    return level < LINES.length ? LINES[level] : new SerializedString("\n" + "  ".repeat(level));
  }

  @Override
  public IndentingPrinter createInstance() {
    return new IndentingPrinter();
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(ROOT_SEPARATOR);
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    g.writeRaw('{');
    nesting++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    g.writeRaw(line(nesting));
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(COLON);
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    g.writeRaw(line(nesting));
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    close(g, entries, '}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    nesting++;
    g.writeRaw('[');
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    g.writeRaw(line(nesting));
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    writeObjectEntrySeparator(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    close(g, values, ']');
  }

  /**
   * Ends an object or array: back one level, and a line break before the bracket unless it was
   * empty.
   */
  private void close(JsonGenerator g, int members, char bracket) throws IOException {
    nesting--;
    if (members > 0) {
      g.writeRaw(line(nesting));
    }
    g.writeRaw(bracket);
  }
}
