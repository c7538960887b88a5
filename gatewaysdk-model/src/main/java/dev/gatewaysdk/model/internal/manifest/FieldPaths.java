package dev.gatewaysdk.model.internal.manifest;

import java.util.List;

/** Field paths as Kubernetes prints them: {@code spec.rules[0].backendRefs[1].weight}. */
public final class FieldPaths {
  private FieldPaths() {}

  public static String format(Iterable<Object> segments) {
    StringBuilder out = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer) {
        out.append('[').append(s).append(']');
      } else {
        String name = String.valueOf(s);
        boolean plain = name.matches("[A-Za-z0-9_$-]+");
        if (plain) {
          if (out.length() > 0) {
            out.append('.');
          }
          out.append(name);
        } else {
          out.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return out.toString();
  }

  public static String format(List<Object> prefix, List<Object> rest) {
    java.util.ArrayList<Object> all = new java.util.ArrayList<>(prefix);
    all.addAll(rest);
    return format(all);
  }
}
