package dev.gatewaysdk.testing.internal.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One resource request after routing: what it addresses and its options. Not thread-safe; one per
 * request.
 */
final class Call {
  final ResourceType type;
  final String version;
  final String namespace;
  final String name;
  final String subresource;
  final Map<String, String> query;
  final List<String> warnings = new ArrayList<>();
  String userAgent = "";

  /** Set when server-side apply already computed managedFields for this write. */
  boolean managedFieldsDone;

  /** The client asked for PartialObjectMetadata(List) instead of full objects. */
  boolean partialMetadata;

  /**
   * Authorization and the requesting user, or null when the server is open: RBAC writes are
   * escalation-checked.
   */
  Rbac rbac;

  Rbac.User user;

  Call(
      ResourceType type,
      String version,
      String namespace,
      String name,
      String subresource,
      Map<String, String> query) {
    this.type = type;
    this.version = version;
    this.namespace = namespace;
    this.name = name;
    this.subresource = subresource;
    this.query = query;
  }

  String param(String key) {
    return query.get(key);
  }

  /**
   * A boolean parameter: absent is false; present, anything but {@code false} (any case) or {@code
   * 0} is true.
   */
  boolean flag(String key) {
    return flag(query, key);
  }

  /**
   * As the real server converts a query value to a bool: only {@code false} (any case) and {@code
   * 0} are false.
   */
  static boolean flag(Map<String, String> query, String key) {
    String v = query.get(key);
    return v != null && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  boolean dryRun() {
    String d = query.get("dryRun");
    if (d == null || d.isEmpty()) {
      return false;
    }
    if (!d.equals("All")) {
      throw ApiError.badRequest(
          "dryRun: Unsupported value: \"" + d + "\": supported values: \"All\"");
    }
    return true;
  }

  /**
   * Strict, Warn or Ignore; the real server's default for JSON bodies is Warn... for typed clients
   * it is Warn too.
   */
  String fieldValidation() {
    String v = query.get("fieldValidation");
    if (v == null || v.isEmpty()) {
      return "Warn";
    }
    if (!v.equals("Strict") && !v.equals("Warn") && !v.equals("Ignore")) {
      throw ApiError.badRequest(
          "fieldValidation: Unsupported value: \""
              + v
              + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
    }
    return v;
  }

  /**
   * The field manager: the parameter, else the user agent's prefix, as the real server derives it.
   */
  String fieldManager() {
    String m = query.get("fieldManager");
    if (m != null && !m.isEmpty()) {
      if (m.length() > 128) {
        throw ApiError.badRequest("fieldManager: Too long: may not be longer than 128");
      }
      return m;
    }
    String ua = userAgent == null ? "" : userAgent;
    int slash = ua.indexOf('/');
    String prefix = slash >= 0 ? ua.substring(0, slash) : ua;
    if (prefix.length() > 128) {
      prefix = prefix.substring(0, 128);
    }
    return prefix.isEmpty() ? "unknown" : prefix;
  }
}
