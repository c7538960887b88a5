package dev.gatewaysdk.model.internal.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical field-name strings for {@link ByteJsonParser}, shared by all threads: a name seen before comes
 * back as the same interned string, its hash code already cached, so the codecs' {@code switch} on it
 * costs an identity check. A name is looked up by its first and last eight bytes (one word each when it is shorter
 * than 17 bytes, which most are), compared in full only when longer. The table is copied on write (names
 * stop being new soon after start) and published through a volatile field; it holds at most {@link
 * #MAX_NAMES} names of at most {@link #MAX_LENGTH} bytes, so input with ever new names costs only the
 * allocation of each.
 */
final class Names {
  static final int MAX_NAMES = 4096;
  static final int MAX_LENGTH = 64;

  /** Open addressing, linear probing; the load stays at or under one half. */
  private static final class Table {
    final String[] names;
    /** By slot: the first and the last eight bytes of its name, side by side, so a probe reads one cache line. */
    final long[] words;
    /** By slot: the length of its name plus one; 0 for an empty slot. */
    final int[] lengths;
    final byte[][] bytes;
    final int size;

    Table(int capacity, int size) {
      this.names = new String[capacity];
      this.words = new long[capacity * 2];
      this.lengths = new int[capacity];
      this.bytes = new byte[capacity][];
      this.size = size;
    }
  }

  private static volatile Table table = new Table(1024, 0);

  private Names() {}

  /**
   * The name of the ASCII bytes {@code buf[start, start + length)}, whose first eight bytes are {@code
   * first} and last eight bytes {@code last} (for a shorter name: its bytes, zero-filled, in both).
   */
  static String canonical(byte[] buf, int start, int length, long first, long last) {
    Table t = table;
    int mask = t.names.length - 1;
    for (int i = slot(first, last, length) & mask; ; i = (i + 1) & mask) {
      int stored = t.lengths[i];
      if (stored == 0) {
        break;
      }
      if (stored == length + 1 && t.words[2 * i] == first && t.words[2 * i + 1] == last
          && (length <= 16 || Arrays.equals(t.bytes[i], 0, length, buf, start, start + length))) {
        return t.names[i];
      }
    }
    String name = new String(buf, start, length, StandardCharsets.ISO_8859_1);
    if (length > MAX_LENGTH || t.size >= MAX_NAMES) {
      return name;
    }
    // interned: the very string of the literal in a codec's switch, so equals() ends at its identity check
    String canonical = name.intern();
    add(t, canonical, first, last, length <= 16 ? null : Arrays.copyOfRange(buf, start, start + length));
    return canonical;
  }

  /** Publishes a copy of {@code t} with {@code name}; a racing writer may win instead, which only costs a miss. */
  private static void add(Table t, String name, long first, long last, byte[] bytes) {
    int capacity = t.names.length;
    while ((t.size + 1) * 2 > capacity) {
      capacity *= 2;
    }
    Table copy = new Table(capacity, t.size + 1);
    for (int i = 0; i < t.names.length; i++) {
      if (t.names[i] != null) {
        put(copy, t.names[i], t.words[2 * i], t.words[2 * i + 1], t.bytes[i]);
      }
    }
    put(copy, name, first, last, bytes);
    table = copy;
  }

  private static void put(Table t, String name, long first, long last, byte[] bytes) {
    int mask = t.names.length - 1;
    int i = slot(first, last, name.length()) & mask;
    while (t.names[i] != null) {
      i = (i + 1) & mask;
    }
    t.names[i] = name;
    t.words[2 * i] = first;
    t.words[2 * i + 1] = last;
    t.lengths[i] = name.length() + 1;
    t.bytes[i] = bytes;
  }

  private static int slot(long first, long last, int length) {
    long h = first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL ^ length;
    return (int) (h ^ (h >>> 32) ^ (h >>> 17));
  }
}
