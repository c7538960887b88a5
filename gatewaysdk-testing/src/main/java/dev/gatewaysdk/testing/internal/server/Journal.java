package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable state: a snapshot file plus an append-only log next to it ({@code FILE.log}). Every store
 * write is appended and fsynced before it becomes visible, so an acknowledged write survives {@code
 * kill -9}; the log is compacted into the snapshot (written aside, fsynced, renamed) when it grows
 * and on close. Replaying a log over a snapshot that already contains it is harmless: each record
 * sets or removes a whole object, so the last record per object decides. A torn last line (a crash
 * mid-append) was never acknowledged and is cut off.
 */
final class Journal implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
  private static final long COMPACT_BYTES = 16L * 1024 * 1024;
  private final Path snapshot;
  private final Path log;
  private FileChannel channel;
  private long size;

  /**
   * What a state file and its log hold: the objects (CRDs first) and the highest resourceVersion.
   */
  static final class State {
    final List<ObjectNode> objects;
    final long resourceVersion;

    State(List<ObjectNode> objects, long resourceVersion) {
      this.objects = objects;
      this.resourceVersion = resourceVersion;
    }
  }

  Journal(Path snapshot) {
    this.snapshot = snapshot.toAbsolutePath();
    this.log = this.snapshot.resolveSibling(this.snapshot.getFileName() + ".log");
  }

  /**
   * Reads the snapshot and replays the log (cutting off a torn tail), then opens the log for
   * appends.
   */
  State open() throws IOException {
    Files.createDirectories(snapshot.getParent());
    Map<String, ObjectNode> objects = new LinkedHashMap<>();
    long rv = 0;
    if (Files.isRegularFile(snapshot)) {
      JsonNode state = Json.parse(Files.readAllBytes(snapshot));
      rv = state.path("resourceVersion").asLong(0);
      for (JsonNode o : state.path("items")) {
        objects.put(identity(o), (ObjectNode) o);
      }
    }
    long good = 0;
    int records = 0;
    if (Files.isRegularFile(log)) {
      byte[] bytes = Files.readAllBytes(log);
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] != '\n') {
          continue;
        }
        JsonNode rec;
        try {
          rec = Json.parse(java.util.Arrays.copyOfRange(bytes, start, i));
        } catch (IOException e) {
          break;
        }
        rv = Math.max(rv, rec.path("rv").asLong(0));
        apply(objects, rec);
        records++;
        start = i + 1;
        good = start;
      }
      if (good < bytes.length) {
        LOG.warn(
            "state log {}: {} bytes after the last complete record were cut off (never acknowledged)",
            log,
            bytes.length - good);
      }
    }
    channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(good);
    channel.position(good);
    channel.force(true);
    size = good;
    List<ObjectNode> crdsFirst = new ArrayList<>();
    List<ObjectNode> rest = new ArrayList<>();
    for (ObjectNode o : objects.values()) {
      (o.path("kind").asText().equals("CustomResourceDefinition") ? crdsFirst : rest).add(o);
    }
    crdsFirst.addAll(rest);
    LOG.debug(
        "state {}: {} objects, {} log records, resourceVersion {}",
        snapshot,
        crdsFirst.size(),
        records,
        rv);
    return new State(crdsFirst, rv);
  }

  private static void apply(Map<String, ObjectNode> objects, JsonNode rec) {
    switch (rec.path("op").asText()) {
      case "put":
        objects.put(identity(rec.get("object")), (ObjectNode) rec.get("object"));
        break;
      case "del":
        objects.remove(identity(rec.get("object")));
        break;
      case "drop":
        {
          String prefix = rec.path("group").asText() + "|" + rec.path("kind").asText() + "|";
          objects.keySet().removeIf(k -> k.startsWith(prefix));
          break;
        }
      default:
        throw new UncheckedIOException(new IOException("unknown state log record " + rec));
    }
  }

  private static String identity(JsonNode o) {
    String apiVersion = o.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    JsonNode m = o.path("metadata");
    return group
        + "|"
        + o.path("kind").asText()
        + "|"
        + m.path("namespace").asText()
        + "|"
        + m.path("name").asText();
  }

  /**
   * Appends a record and forces it to disk; the caller holds the store lock and acknowledges only
   * after this.
   */
  void put(ObjectNode obj, long rv) {
    append(record("put", rv).set("object", obj));
  }

  void remove(ObjectNode last, long rv) {
    append(record("del", rv).set("object", last));
  }

  void drop(ResourceType type, long rv) {
    append(record("drop", rv).put("group", type.group).put("kind", type.kind));
  }

  private static ObjectNode record(String op, long rv) {
    ObjectNode rec = Json.object();
    rec.put("op", op);
    rec.put("rv", rv);
    return rec;
  }

  private void append(ObjectNode rec) {
    byte[] line = Json.bytes(rec);
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
      size += line.length + 1;
    } catch (IOException e) {
      // Not acknowledged: the caller's write fails before it changes memory. Cut what may have been
      // written.
      try {
        channel.truncate(size);
        channel.position(size);
      } catch (IOException ignored) {
        // the next open cuts a torn tail anyway
      }
      throw ApiError.internal("cannot write the state log " + log + ": " + e.getMessage());
    }
  }

  boolean wantsCompaction() {
    return size > COMPACT_BYTES;
  }

  /**
   * Writes every object as the new snapshot (durably), then empties the log. The caller holds the
   * store lock.
   */
  void compact(long rv, Map<String, List<ObjectNode>> objects) throws IOException {
    ObjectNode state = Json.object();
    state.put("resourceVersion", Long.toString(rv));
    ArrayNode items = state.putArray("items");
    objects.forEach((k, list) -> list.forEach(items::add));
    Path tmp =
        Files.createTempFile(snapshot.getParent(), snapshot.getFileName().toString(), ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(Json.bytes(state));
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(true);
    }
    Files.move(tmp, snapshot, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(snapshot.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {}: {}", snapshot.getParent(), e.toString());
    }
    channel.truncate(0);
    channel.position(0);
    channel.force(true);
    size = 0;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
