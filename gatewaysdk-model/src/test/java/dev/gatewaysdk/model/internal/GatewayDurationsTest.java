package dev.gatewaysdk.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayDurationsTest {

  @Test
  void formatsTheShortestSpelling() {
    assertThat(GatewayDurations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(GatewayDurations.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(GatewayDurations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(GatewayDurations.format(Duration.ofMillis(3_723_004))).isEqualTo("1h2m3s4ms");
  }

  @Test
  void parsesWhatItFormats() {
    for (String s : new String[] {"0s", "500ms", "1h30m", "1h2m3s4ms", "99999h"}) {
      assertThat(GatewayDurations.format(GatewayDurations.parse(s))).isEqualTo(s);
    }
    assertThat(GatewayDurations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void rejectsInvalidDurations() {
    assertThatThrownBy(() -> GatewayDurations.parse("1.5s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must look like 1h30m, 10s or 500ms: 1.5s");
    assertThatThrownBy(() -> GatewayDurations.format(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
