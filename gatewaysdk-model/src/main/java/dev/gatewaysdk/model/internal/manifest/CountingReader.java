package dev.gatewaysdk.model.internal.manifest;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the characters handed to the parser and stops a document that grows past its budget while
 * it is being read: the YAML scanner checks its own limit only between tokens, so one huge scalar
 * would otherwise be buffered whole.
 */
final class CountingReader extends FilterReader {
  /** Thrown (unchecked, so no parser wraps it) when the current document exceeds its budget. */
  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long read;

    BudgetExceeded(long read) {
      super(null, null, false, false);
      this.read = read;
    }
  }

  private final long budget;
  private long count;
  private long documentStart;

  CountingReader(Reader in, long budget) {
    super(in);
    this.budget = budget;
  }

  long count() {
    return count;
  }

  /** Starts the budget of the next document at character offset {@code offset}. */
  void documentStartsAt(long offset) {
    documentStart = Math.max(documentStart, offset);
  }

  private void check() {
    if (count - documentStart > budget) {
      throw new BudgetExceeded(count - documentStart);
    }
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count++;
      check();
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count += n;
      check();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    check();
    return skipped;
  }
}
