package dev.gatewaysdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```java} blocks of a Markdown page turned into compilation units, with the conventions
 * of docs/getting-started.md ("How the snippets are checked"):
 *
 * <ul>
 *   <li>A block that declares a top-level type ({@code class}, {@code record}, {@code interface},
 *       {@code enum}, possibly annotated) is a compilation unit; its own {@code import} lines are
 *       kept.
 *   <li>Any other block is a sequence of statements: the body of a method that declares no checked
 *       exception (so a snippet that needs a {@code throws} clause must show it, by declaring its
 *       own method).
 *   <li>Every unit gets {@link #IMPORTS}: the SDK's public packages, the static assertions and the
 *       JDK packages a reader takes for granted.
 *   <li>An HTML comment right before the fence, invisible on the rendered page, adds context:
 *       {@code <!-- snippet: JAVA -->} puts JAVA before the block (variables the prose speaks of,
 *       or import lines); {@code <!-- snippet: continue -->} appends the block to the previous one
 *       of the page (same method); {@code <!-- snippet: run -->} also runs it; {@code <!-- snippet:
 *       skip REASON -->} leaves it out (needs a framework that is not on the SDK's classpath), and
 *       REASON must be given.
 * </ul>
 */
final class DocSnippets {
  private DocSnippets() {}

  static final List<String> IMPORTS =
      List.of(
          "dev.gatewaysdk.model.*",
          "dev.gatewaysdk.core.*",
          "dev.gatewaysdk.core.validation.*",
          "dev.gatewaysdk.canary.*",
          "dev.gatewaysdk.testing.*",
          "static dev.gatewaysdk.testing.GatewayApiAssertions.*",
          "java.net.URI",
          "java.nio.file.Path",
          "java.time.Duration",
          "java.util.List",
          "java.util.Map",
          "java.util.Optional",
          "org.junit.jupiter.api.Test");

  private static final Pattern DIRECTIVE =
      Pattern.compile("<!--\\s*snippet:(.*?)-->", Pattern.DOTALL);

  /**
   * A method declaration at column 0: the block is class members (a method shows its own {@code
   * throws}).
   */
  private static final Pattern MEMBER =
      Pattern.compile(
          "^(?:static\\s+)?(?:void|[A-Z][\\w<>\\[\\], ?]*)\\s+\\w+\\(.*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{\\s*(?://.*)?$",
          Pattern.MULTILINE);

  private static final Pattern TYPE =
      Pattern.compile(
          "^(?:@\\w+.*\\s+)*(?:public\\s+|final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);

  /**
   * One unit: its source, its Java package, and for each generated line the Markdown line (0 =
   * none).
   */
  record Unit(
      String doc,
      int line,
      String pkg,
      String className,
      boolean run,
      String source,
      int[] docLines) {
    /** The Markdown line for a line of {@link #source} (1-based), or the block's first line. */
    int docLine(long sourceLine) {
      int i = (int) sourceLine - 1;
      return i >= 0 && i < docLines.length && docLines[i] > 0 ? docLines[i] : line;
    }

    String qualifiedName() {
      return pkg + "." + className;
    }
  }

  /** A skipped block: where it is and why. */
  record Skipped(String doc, int line, String reason) {}

  private record Block(int line, List<String> lines, String directive) {}

  /**
   * The units of {@code doc} (its name relative to the project root, for messages), skipped blocks
   * to {@code skipped}.
   */
  static List<Unit> units(Path root, String doc, List<Skipped> skipped) throws IOException {
    List<String> md = Files.readAllLines(root.resolve(doc));
    List<Block> blocks = blocks(md);
    List<Unit> units = new ArrayList<>();
    List<Block> group = new ArrayList<>();
    for (Block b : blocks) {
      String d = b.directive == null ? "" : b.directive.strip();
      if (d.startsWith("skip")) {
        String reason = d.substring(4).strip();
        if (reason.isEmpty()) {
          throw new IllegalStateException(
              doc + ":" + b.line + ": <!-- snippet: skip --> needs a reason");
        }
        skipped.add(new Skipped(doc, b.line, reason));
        continue;
      }
      if (d.equals("continue")) {
        if (group.isEmpty()) {
          throw new IllegalStateException(
              doc + ":" + b.line + ": <!-- snippet: continue --> with no block before it");
        }
        group.add(b);
        continue;
      }
      if (!group.isEmpty()) {
        units.add(unit(doc, group, units.size()));
      }
      group = new ArrayList<>(List.of(b));
    }
    if (!group.isEmpty()) {
      units.add(unit(doc, group, units.size()));
    }
    return units;
  }

  private static Unit unit(String doc, List<Block> group, int index) {
    String pkg =
        "snippets."
            + doc.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT)
            + ".b"
            + group.get(0).line;
    List<String> src = new ArrayList<>();
    List<Integer> map = new ArrayList<>();
    src.add("package " + pkg + ";");
    map.add(0);
    for (String i : IMPORTS) {
      src.add("import " + i + ";");
      map.add(0);
    }
    boolean run = false;
    List<String> preamble = new ArrayList<>();
    for (Block b : group) {
      String d = b.directive == null ? "" : b.directive.strip();
      if (d.equals("run")) {
        run = true;
      } else if (!d.isEmpty() && !d.equals("continue")) {
        preamble.addAll(d.lines().toList());
      }
    }
    for (String p : preamble) {
      if (p.strip().startsWith("import ")) {
        src.add(p);
        map.add(group.get(0).line - 1);
      }
    }
    for (Block b : group) {
      for (int i = 0; i < b.lines.size(); i++) {
        if (b.lines.get(i).strip().startsWith("import ")) {
          src.add(b.lines.get(i));
          map.add(b.line + i);
        }
      }
    }
    String all = String.join("\n", group.stream().flatMap(b -> b.lines.stream()).toList());
    String first =
        all.lines()
            .map(String::strip)
            .filter(
                l ->
                    !l.isEmpty()
                        && !l.startsWith("//")
                        && !l.startsWith("import ")
                        && !l.startsWith("@"))
            .findFirst()
            .orElse("");
    Matcher type = TYPE.matcher(all);
    boolean members = MEMBER.matcher(all).find();
    boolean isType = !members && TYPE.matcher(first).find() && type.find();
    String className = isType ? type.group(2) : "Snippet";
    if (className.equals("Snippet")) {
      src.add(
          members
              ? "@SuppressWarnings(\"unused\") public class Snippet {"
              : "@SuppressWarnings(\"unused\") public class Snippet { public static void snippet() {");
      map.add(0);
      for (String p : preamble) {
        if (!p.strip().startsWith("import ")) {
          src.add(p);
          map.add(group.get(0).line - 1);
        }
      }
    }
    for (Block b : group) {
      for (int i = 0; i < b.lines.size(); i++) {
        if (!b.lines.get(i).strip().startsWith("import ")) {
          src.add(b.lines.get(i));
          map.add(b.line + i);
        }
      }
    }
    if (className.equals("Snippet")) {
      src.add(members ? "}" : "}}");
      map.add(0);
    }
    return new Unit(
        doc,
        group.get(0).line,
        pkg,
        className,
        run,
        String.join("\n", src) + "\n",
        map.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The java blocks with the 1-based line of their first content line and the directive right
   * before them.
   */
  private static List<Block> blocks(List<String> md) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < md.size(); i++) {
      String t = md.get(i).strip();
      if (!t.startsWith("```")) {
        continue;
      }
      String info = t.substring(3).strip();
      int start = i + 1;
      int end = start;
      while (end < md.size() && !md.get(end).strip().equals("```")) {
        end++;
      }
      if (info.equals("java")) {
        blocks.add(new Block(start + 1, md.subList(start, end), directiveBefore(md, i)));
      }
      i = end;
    }
    return blocks;
  }

  /**
   * The text of a {@code <!-- snippet: ... -->} comment ending on the line before {@code fence}, or
   * null.
   */
  private static String directiveBefore(List<String> md, int fence) {
    int end = fence - 1;
    if (end < 0 || !md.get(end).strip().endsWith("-->")) {
      return null;
    }
    int begin = end;
    while (begin >= 0 && !md.get(begin).contains("<!--")) {
      begin--;
    }
    if (begin < 0) {
      return null;
    }
    Matcher m = DIRECTIVE.matcher(String.join("\n", md.subList(begin, end + 1)));
    return m.find() ? m.group(1) : null;
  }
}
