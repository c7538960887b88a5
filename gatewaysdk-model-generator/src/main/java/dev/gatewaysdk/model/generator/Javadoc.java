package dev.gatewaysdk.model.generator;

import java.util.ArrayList;
import java.util.List;

/** Javadoc text and Java names from schema text. */
final class Javadoc {
  private Javadoc() {}

  /**
   * A schema {@code description} as Javadoc: HTML escaped, paragraphs (blank lines) as {@code <p>};
   * empty when there is none.
   */
  static String fromDescription(String description) {
    if (description == null || description.isBlank()) {
      return "";
    }
    List<String> paragraphs = new ArrayList<>();
    for (String paragraph : description.strip().split("\n\\s*\n")) {
      paragraphs.add(escape(paragraph.strip()));
    }
    return String.join("\n\n<p>", paragraphs) + "\n";
  }

  /** {@code text} with lines longer than {@code width} broken at spaces. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      while (line.length() > width) {
        int cut = line.lastIndexOf(' ', width);
        if (cut <= indent.length()) {
          cut = line.indexOf(' ', width);
          if (cut < 0) {
            break;
          }
        }
        out.append(line, 0, cut).append('\n');
        line = indent + line.substring(cut + 1);
      }
      out.append(line);
    }
    return out.toString();
  }

  /** The first sentence of a schema {@code description}, HTML escaped. */
  static String firstSentence(String description) {
    String text = description == null ? "" : description.strip().replace('\n', ' ');
    int end = text.indexOf(". ");
    return escape(end < 0 ? text : text.substring(0, end + 1));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("*/", "*&#47;")
        .replace("{", "&#123;")
        .replace("}", "&#125;");
  }

  /**
   * {@code RequestHeaderModifier} as {@code REQUEST_HEADER_MODIFIER}, {@code URLRewrite} as {@code
   * URL_REWRITE}.
   */
  static String constantName(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        out.append('_');
        continue;
      }
      if (i > 0 && Character.isUpperCase(c)) {
        char before = value.charAt(i - 1);
        boolean wordEndsBefore = Character.isLowerCase(before) || Character.isDigit(before);
        boolean acronymEndsBefore =
            Character.isUpperCase(before)
                && i + 1 < value.length()
                && Character.isLowerCase(value.charAt(i + 1));
        if (wordEndsBefore || acronymEndsBefore) {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }
}
