package dev.gatewaysdk.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The YAML code blocks of a Markdown text (fenced with {@code ```yaml}, {@code ```yml} or {@code
 * ~~~yaml}), so that the manifests of a guide can be checked where they stand. Other blocks (bash,
 * Go, plain) are skipped.
 */
final class MarkdownBlocks {
  private MarkdownBlocks() {}

  /** A block: the 1-based line of its first content line, and its content. */
  record Block(int line, String text) {}

  /** Whether {@code file} is named like Markdown ({@code .md}, {@code .markdown}). */
  static boolean isMarkdown(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    return f.endsWith(".md") || f.endsWith(".markdown");
  }

  /**
   * The YAML blocks of {@code markdown} in order; an unclosed block runs to the end of the text.
   */
  static List<Block> yaml(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\r?\n", -1);
    String fence = null;
    boolean keep = false;
    int start = 0;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].strip();
      if (fence == null) {
        String opening = opening(trimmed);
        if (opening != null) {
          fence = opening;
          String info = trimmed.substring(opening.length()).strip().toLowerCase(Locale.ROOT);
          keep =
              info.equals("yaml")
                  || info.equals("yml")
                  || info.startsWith("yaml ")
                  || info.startsWith("yml ");
          start = i + 2;
          text.setLength(0);
        }
      } else if (closes(trimmed, fence)) {
        if (keep) {
          blocks.add(new Block(start, text.toString()));
        }
        fence = null;
      } else if (keep) {
        text.append(lines[i]).append('\n');
      }
    }
    if (fence != null && keep) {
      blocks.add(new Block(start, text.toString()));
    }
    return blocks;
  }

  /**
   * Whether {@code line} closes a block opened by {@code fence}: the same character, at least as
   * many, nothing else.
   */
  private static boolean closes(String line, String fence) {
    return line.startsWith(fence) && line.chars().allMatch(c -> c == fence.charAt(0));
  }

  /** The fence ({@code ```}, {@code ~~~}, or longer) that {@code line} opens with, or null. */
  private static String opening(String line) {
    char c = line.isEmpty() ? 0 : line.charAt(0);
    if (c != '`' && c != '~') {
      return null;
    }
    int n = 0;
    while (n < line.length() && line.charAt(n) == c) {
      n++;
    }
    return n >= 3 ? line.substring(0, n) : null;
  }
}
