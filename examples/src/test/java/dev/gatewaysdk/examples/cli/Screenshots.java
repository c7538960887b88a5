package dev.gatewaysdk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Screenshots of HTML reports with headless Chromium, for people to look at (kept in
 * target/screenshots): the check is only that the page rendered, a PNG with more than a blank page
 * in it.
 */
final class Screenshots {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private Screenshots() {}

  /**
   * Renders {@code html} to target/screenshots/{@code name}.png and returns it; skips where
   * Chromium is absent.
   */
  static Path take(Path html, String name) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no headless Chromium at " + CHROMIUM);
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Path png = dir.resolve(name + ".png").toAbsolutePath();
    Files.deleteIfExists(png);
    Path profile = Files.createTempDirectory("chromium-profile");
    Process p =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--user-data-dir=" + profile,
                    "--screenshot=" + png,
                    "--window-size=1000,1250",
                    html.toAbsolutePath().toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".chromium.log").toFile())
            .start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(png).as("screenshot written (see %s)", dir.resolve(name + ".chromium.log")).exists();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("a PNG").isNotNull();
    Set<Integer> colors = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colors.add(image.getRGB(x, y));
      }
    }
    assertThat(colors.size())
        .as("distinct colours in the screenshot: not a blank page")
        .isGreaterThan(20);
    return png;
  }
}
