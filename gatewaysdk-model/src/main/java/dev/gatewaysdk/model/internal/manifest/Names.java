package dev.gatewaysdk.model.internal.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Canonical field-name strings for {@link ByteJsonParser}, shared by all threads: a name seen
 * before comes back as the same interned string, its hash code already cached, so the codecs'
 * {@code switch} on it costs an identity check. A name is looked up by its first and last eight
 * bytes (one word each when it is shorter than 17 bytes, which most are), compared in full only
 * when longer.
 *
 * <p>Readers take no lock. A writer (under a lock) fills an empty slot in place, and a reader that
 * sees the slot only partly written (plain writes may show in any order) takes it for a miss, which
 * costs no more than a new string, never a wrong name: a slot is written once and its name is the
 * only string it ever holds. A full table is copied into one twice the size and published through a
 * volatile field. Entries never change once written. The table holds at most {@link #MAX_NAMES}
 * names of at most {@link #MAX_LENGTH} bytes and starts over when full, so input with ever new
 * names costs only the allocation of each and cannot keep out the names in use.
 */
final class Names {
  static final int MAX_NAMES = 4096;
  static final int MAX_LENGTH = 64;

  /** Open addressing, linear probing; the load stays at or under one half. */
  private static final class Table {
    final String[] names;

    /**
     * By slot: the first and the last eight bytes of its name, side by side, so a probe reads one
     * cache line.
     */
    final long[] words;

    /** By slot: the length of its name plus one; 0 for an empty slot. */
    final int[] lengths;

    /** By slot: the bytes of a name longer than 16 bytes. */
    final byte[][] bytes;

    /** Written under {@link #LOCK} only. */
    int size;

    Table(int capacity) {
      this.names = new String[capacity];
      this.words = new long[capacity * 2];
      this.lengths = new int[capacity];
      this.bytes = new byte[capacity][];
    }
  }

  private static final Object LOCK = new Object();
  private static volatile Table table = new Table(1024);

  private Names() {}

  /**
   * The known name of the ASCII bytes {@code buf[start, start + length)}, whose first eight bytes
   * are {@code first} and last eight bytes {@code last} (for a shorter name: its bytes,
   * zero-filled, in both); null if the table does not have it.
   */
  static String find(byte[] buf, int start, int length, long first, long last) {
    return find(table, buf, start, length, first, last);
  }

  /**
   * The name of those bytes, added to the table (interned) unless it is too long; for a name {@link
   * #find} missed.
   */
  static String add(byte[] buf, int start, int length, long first, long last) {
    String name = new String(buf, start, length, StandardCharsets.ISO_8859_1);
    return length > MAX_LENGTH ? name : add(name, buf, start, length, first, last);
  }

  private static String find(Table t, byte[] buf, int start, int length, long first, long last) {
    int mask = t.names.length - 1;
    for (int i = slot(first, last, length) & mask; ; i = (i + 1) & mask) {
      int stored = t.lengths[i];
      if (stored == 0) {
        return null;
      }
      if (stored == length + 1 && t.words[2 * i] == first && t.words[2 * i + 1] == last) {
        // what a writer still fills may be missing here (plain writes): null is a miss, never a
        // wrong name
        if (length <= 16) {
          return t.names[i];
        }
        byte[] full = t.bytes[i];
        if (full != null && Arrays.equals(full, 0, length, buf, start, start + length)) {
          return t.names[i];
        }
      }
    }
  }

  /**
   * Adds {@code name} unless the table is full or holds it already; returns the canonical string.
   */
  private static String add(String name, byte[] buf, int start, int length, long first, long last) {
    synchronized (LOCK) {
      Table t = table;
      String known = find(t, buf, start, length, first, last);
      if (known != null) {
        return known;
      }
      if (t.size >= MAX_NAMES) {
        // full, likely of names that came once (keys of large maps): start over, so names in use
        // come back
        t = new Table(1024);
        table = t;
      } else if ((t.size + 1) * 2 > t.names.length) {
        Table bigger = new Table(t.names.length * 2);
        for (int i = 0; i < t.names.length; i++) {
          if (t.names[i] != null) {
            put(bigger, t.names[i], t.words[2 * i], t.words[2 * i + 1], t.bytes[i]);
          }
        }
        bigger.size = t.size;
        table = bigger;
        t = bigger;
      }
      // interned: the very string of the literal in a codec's switch, so equals() ends at its
      // identity check
      String canonical = name.intern();
      put(
          t,
          canonical,
          first,
          last,
          length <= 16 ? null : Arrays.copyOfRange(buf, start, start + length));
      t.size++;
      return canonical;
    }
  }

  /** Fills an empty slot of {@code t}. */
  private static void put(Table t, String name, long first, long last, byte[] bytes) {
    int mask = t.names.length - 1;
    int i = slot(first, last, name.length()) & mask;
    while (t.lengths[i] != 0) {
      i = (i + 1) & mask;
    }
    t.words[2 * i] = first;
    t.words[2 * i + 1] = last;
    t.bytes[i] = bytes;
    t.lengths[i] = name.length() + 1;
    t.names[i] = name;
  }

  private static int slot(long first, long last, int length) {
    long h = first * 0x9E3779B97F4A7C15L ^ last * 0xC2B2AE3D27D4EB4FL ^ length;
    return (int) (h ^ (h >>> 32) ^ (h >>> 17));
  }
}
