package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A request failure carrying the {@code Status} object the real API server would answer. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int code;
  final transient ObjectNode status;

  private ApiError(int code, String reason, String message, ObjectNode details) {
    super(message, null, false, false);
    this.code = code;
    this.status = status(code, reason, message, details);
  }

  static ObjectNode status(int code, String reason, String message, ObjectNode details) {
    ObjectNode s = Json.object();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", code < 400 ? "Success" : "Failure");
    if (message != null) {
      s.put("message", message);
    }
    if (reason != null) {
      s.put("reason", reason);
    }
    if (details != null) {
      s.set("details", details);
    }
    s.put("code", code);
    return s;
  }

  static ObjectNode details(ResourceType type, String name, boolean kindAsResource) {
    ObjectNode d = Json.object();
    if (name != null) {
      d.put("name", name);
    }
    if (!type.group.isEmpty()) {
      d.put("group", type.group);
    }
    d.put("kind", kindAsResource ? type.plural : type.kind);
    return d;
  }

  static ApiError notFound(ResourceType type, String name) {
    return new ApiError(
        404,
        "NotFound",
        type.resource() + " \"" + name + "\" not found",
        details(type, name, true));
  }

  static ApiError namespaceNotFound(String namespace) {
    ObjectNode d = Json.object();
    d.put("name", namespace);
    d.put("kind", "namespaces");
    return new ApiError(404, "NotFound", "namespaces \"" + namespace + "\" not found", d);
  }

  static ApiError alreadyExists(ResourceType type, String name) {
    return new ApiError(
        409,
        "AlreadyExists",
        type.resource() + " \"" + name + "\" already exists",
        details(type, name, true));
  }

  static ApiError conflict(ResourceType type, String name) {
    return conflict(
        type,
        name,
        "the object has been modified; please apply your changes to the latest version and try again");
  }

  static ApiError conflict(ResourceType type, String name, String why) {
    return new ApiError(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + type.resource() + " \"" + name + "\": " + why,
        details(type, name, true));
  }

  /** An SSA conflict: {@code Apply failed with 1 conflict: conflict with "m": .spec.x}. */
  static ApiError applyConflict(ResourceType type, String name, List<String[]> conflicts) {
    ObjectNode d = details(type, name, true);
    ArrayNode causes = d.putArray("causes");
    StringBuilder msg =
        new StringBuilder("Apply failed with ")
            .append(conflicts.size())
            .append(conflicts.size() == 1 ? " conflict: " : " conflicts: ");
    for (int i = 0; i < conflicts.size(); i++) {
      String[] c = conflicts.get(i);
      ObjectNode cause = causes.addObject();
      cause.put("reason", "FieldManagerConflict");
      cause.put(
          "message", "conflict with \"" + c[0] + "\"" + (c[2] == null ? "" : " using " + c[2]));
      cause.put("field", c[1]);
      if (i > 0) {
        msg.append("\n");
      }
      msg.append("conflict with \"")
          .append(c[0])
          .append("\"")
          .append(c[2] == null ? "" : " using " + c[2])
          .append(": ")
          .append(c[1]);
    }
    return new ApiError(409, "Conflict", msg.toString(), d);
  }

  /**
   * A 422: {@code HTTPRoute.gateway.networking.k8s.io "x" is invalid: ...}; each cause is {field,
   * reason, message}.
   */
  static ApiError invalid(ResourceType type, String name, List<String[]> causes) {
    ObjectNode d = details(type, name, false);
    ArrayNode arr = d.putArray("causes");
    StringBuilder all = new StringBuilder();
    for (String[] c : causes) {
      ObjectNode o = arr.addObject();
      o.put("reason", c[1]);
      o.put("message", c[2]);
      o.put("field", c[0]);
      if (all.length() > 0) {
        all.append(", ");
      }
      all.append(c[0].isEmpty() ? c[2] : c[0] + ": " + c[2]);
    }
    String list = causes.size() == 1 ? all.toString() : "[" + all + "]";
    return new ApiError(
        422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + list, d);
  }

  static ApiError unprocessable(String serverMessage) {
    ObjectNode d = Json.object();
    ObjectNode c = d.putArray("causes").addObject();
    c.put("reason", "UnexpectedServerResponse");
    c.put("message", serverMessage);
    return new ApiError(
        422, "Invalid", "the server rejected our request due to an error in our request", d);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message, null);
  }

  static ApiError unsupportedMediaType(String contentType, String accepted) {
    return new ApiError(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + accepted,
        null);
  }

  static ApiError notAcceptable(String accepted) {
    return new ApiError(
        406, "NotAcceptable", "only the following media types are accepted: " + accepted, null);
  }

  static ApiError tooLarge(long limit) {
    return new ApiError(
        413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, null);
  }

  static ApiError resourceNotFound() {
    return new ApiError(
        404, "NotFound", "the server could not find the requested resource", Json.object());
  }

  static ApiError methodNotAllowed() {
    return new ApiError(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource",
        Json.object());
  }

  static ApiError forbiddenHost(String host) {
    return new ApiError(
        403,
        "Forbidden",
        "host \""
            + host
            + "\" is not allowed: over plain HTTP this server answers "
            + "only loopback names (localhost, 127.0.0.1, [::1]), against DNS rebinding",
        null);
  }

  static ApiError tooLargeObject() {
    return new ApiError(
        413,
        "RequestEntityTooLarge",
        "Request entity too large: etcdserver: request is too large",
        null);
  }

  static ApiError tooManyRequests() {
    return new ApiError(429, "TooManyRequests", "Too many requests, please try again later.", null);
  }

  /** What the watch cache answers for a list at a resourceVersion it has not reached. */
  static ApiError tooLargeResourceVersion(long wanted, long current) {
    ObjectNode details = Json.object();
    details
        .putArray("causes")
        .addObject()
        .put("reason", "ResourceVersionTooLarge")
        .put("message", "Too large resource version");
    details.put("retryAfterSeconds", 1);
    return new ApiError(
        504, "Timeout", "Too large resource version: " + wanted + ", current: " + current, details);
  }

  static ApiError gone(String message) {
    return new ApiError(410, "Expired", message, null);
  }

  static ApiError forbidden(ResourceType type, String name, String why) {
    return new ApiError(
        403,
        "Forbidden",
        type.resource() + " \"" + name + "\" is forbidden: " + why,
        details(type, name, true));
  }

  static ApiError internal(String message) {
    return new ApiError(500, "InternalError", "Internal error occurred: " + message, null);
  }

  /** The authentication filter's answer to an unknown token. */
  static ApiError unauthorized() {
    return new ApiError(401, "Unauthorized", "Unauthorized", null);
  }

  /** The authorization filter's answer, worded as {@code responsewriters.Forbidden} words it. */
  static ApiError forbiddenRequest(Rbac.Attributes a, String user, String reason) {
    String msg;
    if (!a.resourceRequest) {
      msg = "User \"" + user + "\" cannot " + a.verb + " path \"" + a.path + "\"";
    } else {
      String resource = a.subresource.isEmpty() ? a.resource : a.resource + "/" + a.subresource;
      msg =
          "User \""
              + user
              + "\" cannot "
              + a.verb
              + " resource \""
              + resource
              + "\" in API group \""
              + a.group
              + "\""
              + (a.namespace.isEmpty()
                  ? " at the cluster scope"
                  : " in the namespace \"" + a.namespace + "\"");
    }
    if (!reason.isEmpty()) {
      msg += ": " + reason;
    }
    ObjectNode d = Json.object();
    String qualified = a.group.isEmpty() ? a.resource : a.resource + "." + a.group;
    if (!a.name.isEmpty()) {
      d.put("name", a.name);
    }
    if (!a.group.isEmpty()) {
      d.put("group", a.group);
    }
    if (!a.resource.isEmpty()) {
      d.put("kind", a.resource);
    }
    String prefix =
        qualified.isEmpty()
            ? "forbidden"
            : a.name.isEmpty()
                ? qualified + " is forbidden"
                : qualified + " \"" + a.name + "\" is forbidden";
    return new ApiError(403, "Forbidden", prefix + ": " + msg, d);
  }
}
