package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownBlocksTest {
  @Test
  void onlyYamlBlocksAreTakenWithTheLineOfTheirFirstContentLine() {
    String md =
        String.join(
            "\n",
            "# Title", // 1
            "```bash", // 2
            "echo 'not yaml'", // 3
            "```", // 4
            "```yaml", // 5
            "a: 1", // 6
            "```", // 7
            "  ```YAML title=\"x\"", // 8: indented, upper case, with more info
            "b: 2", // 9
            "  ```", // 10
            "````yml", // 11: a longer fence holds a shorter one
            "c: |", // 12
            "  ```", // 13
            "  inside", // 14
            "````", // 15
            "~~~go", // 16
            "d := 4", // 17
            "~~~", // 18
            "~~~yaml", // 19: unclosed: runs to the end
            "e: 5"); // 20
    List<MarkdownBlocks.Block> blocks = MarkdownBlocks.yaml(md);
    assertThat(blocks).extracting(MarkdownBlocks.Block::line).containsExactly(6, 9, 12, 20);
    assertThat(blocks)
        .extracting(MarkdownBlocks.Block::text)
        .containsExactly("a: 1\n", "b: 2\n", "c: |\n  ```\n  inside\n", "e: 5\n");
  }

  @Test
  void markdownIsKnownByItsName() {
    assertThat(MarkdownBlocks.isMarkdown("guide.md")).isTrue();
    assertThat(MarkdownBlocks.isMarkdown("GUIDE.Markdown")).isTrue();
    assertThat(MarkdownBlocks.isMarkdown("route.yaml")).isFalse();
    assertThat(MarkdownBlocks.yaml("no blocks at all")).isEmpty();
  }
}
