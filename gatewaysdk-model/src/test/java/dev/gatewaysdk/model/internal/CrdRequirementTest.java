package dev.gatewaysdk.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrdRequirementTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(CrdRequirement.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(CrdRequirement.PROPERTY);
    } else {
      System.setProperty(CrdRequirement.PROPERTY, saved);
    }
  }

  @Test
  void missingCrdsFailWhenRequired() {
    System.setProperty(CrdRequirement.PROPERTY, "true");
    assertThatThrownBy(() -> CrdRequirement.available(false, "no CRDs at /nowhere"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CRDs at /nowhere")
        .hasMessageContaining(CrdRequirement.PROPERTY + "=true");
    assertThat(CrdRequirement.available(true, "unused")).isTrue();
  }

  @Test
  void missingCrdsSkipWhenNotRequired() {
    System.setProperty(CrdRequirement.PROPERTY, "false");
    assertThat(CrdRequirement.available(false, "no CRDs at /nowhere")).isFalse();
  }

  @Test
  void withoutThePropertyTheEnvironmentVariableDecides() {
    System.clearProperty(CrdRequirement.PROPERTY);
    if ("true".equalsIgnoreCase(System.getenv(CrdRequirement.ENV))) {
      assertThatThrownBy(() -> CrdRequirement.available(false, "no CRDs at /nowhere"))
          .isInstanceOf(IllegalStateException.class);
    } else {
      assertThat(CrdRequirement.available(false, "no CRDs at /nowhere")).isFalse();
    }
  }
}
