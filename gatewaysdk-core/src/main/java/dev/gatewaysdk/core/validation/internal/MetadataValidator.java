package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.core.validation.Cause;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ObjectMeta checks the API server applies to custom resources (name, namespace, labels,
 * annotations).
 */
public final class MetadataValidator {
  static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
  private static final Pattern LABEL = Pattern.compile(DNS1123_LABEL);
  private static final Pattern SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN);
  private static final String QUALIFIED_NAME_PART = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern NAME_PART = Pattern.compile(QUALIFIED_NAME_PART);
  private static final long TOTAL_ANNOTATION_SIZE = 256 * 1024;

  private MetadataValidator() {}

  public static List<Cause> validate(JsonNode object, boolean namespaced) {
    List<Cause> out = new ArrayList<>();
    JsonNode meta = object.path("metadata");
    String name = meta.path("name").asText("");
    String generateName = meta.path("generateName").asText("");
    if (name.isEmpty() && generateName.isEmpty()) {
      out.add(
          Cause.of(
              "metadata.name",
              Cause.FIELD_VALUE_REQUIRED,
              "Required value: name or generateName is required"));
    } else if (!name.isEmpty()) {
      for (String msg : dns1123Subdomain(name)) {
        out.add(
            Cause.of(
                "metadata.name",
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: " + GoValues.quote(name) + ": " + msg));
      }
    }
    String ns = meta.path("namespace").asText("");
    if (!ns.isEmpty()) {
      if (!namespaced) {
        out.add(
            Cause.of(
                "metadata.namespace",
                Cause.FIELD_VALUE_FORBIDDEN,
                "Forbidden: not allowed on this type"));
      } else {
        for (String msg : dns1123Label(ns)) {
          out.add(
              Cause.of(
                  "metadata.namespace",
                  Cause.FIELD_VALUE_INVALID,
                  "Invalid value: " + GoValues.quote(ns) + ": " + msg));
        }
      }
    }
    JsonNode labels = meta.path("labels");
    for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (String msg : qualifiedName(e.getKey())) {
        out.add(
            Cause.of(
                "metadata.labels",
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: " + GoValues.quote(e.getKey()) + ": " + msg));
      }
      String v = e.getValue().asText("");
      if (v.length() > 63) {
        out.add(
            Cause.of(
                "metadata.labels",
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: " + GoValues.quote(v) + ": must be no more than 63 characters"));
      }
      if (!v.isEmpty() && !NAME_PART.matcher(v).matches()) {
        out.add(
            Cause.of(
                "metadata.labels",
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: "
                    + GoValues.quote(v)
                    + ": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
                    + "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
                    + "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
      }
    }
    long total = 0;
    JsonNode annotations = meta.path("annotations");
    for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (String msg : qualifiedName(e.getKey())) {
        out.add(
            Cause.of(
                "metadata.annotations",
                Cause.FIELD_VALUE_INVALID,
                "Invalid value: " + GoValues.quote(e.getKey()) + ": " + msg));
      }
      total += e.getKey().length() + e.getValue().asText("").length();
    }
    if (total > TOTAL_ANNOTATION_SIZE) {
      out.add(
          Cause.of(
              "metadata.annotations",
              Cause.FIELD_VALUE_TOO_LONG,
              "Too long: may not be more than " + TOTAL_ANNOTATION_SIZE + " bytes"));
    }
    return out;
  }

  /** The API server's messages for a name that is not a DNS-1123 subdomain; empty when valid. */
  public static List<String> dns1123Subdomain(String v) {
    List<String> errs = new ArrayList<>();
    if (v.length() > 253) {
      errs.add("must be no more than 253 characters");
    }
    if (!SUBDOMAIN.matcher(v).matches()) {
      errs.add(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
              + "start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '"
              + DNS1123_SUBDOMAIN
              + "')");
    }
    return errs;
  }

  /** The API server's messages for a value that is not a DNS-1123 label; empty when valid. */
  public static List<String> dns1123Label(String v) {
    List<String> errs = new ArrayList<>();
    if (v.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL.matcher(v).matches()) {
      errs.add(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
              + "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '"
              + DNS1123_LABEL
              + "')");
    }
    return errs;
  }

  /**
   * The API server's messages for a label or annotation key that is not a qualified name; empty
   * when valid.
   */
  public static List<String> qualifiedName(String key) {
    List<String> errs = new ArrayList<>();
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        errs.addAll(dns1123Subdomain(prefix).stream().map(m -> "prefix part " + m).toList());
      }
      if (name.contains("/")) {
        errs.add(
            "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation "
                + "is '"
                + QUALIFIED_NAME_PART
                + "') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!name.isEmpty() && !NAME_PART.matcher(name).matches()) {
      errs.add(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
              + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '"
              + QUALIFIED_NAME_PART
              + "')");
    }
    return errs;
  }
}
