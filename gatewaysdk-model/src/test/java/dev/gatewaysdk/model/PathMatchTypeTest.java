package dev.gatewaysdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatewaysdk.model.internal.Json;
import org.junit.jupiter.api.Test;

class PathMatchTypeTest {

  @Test
  void knownValuesAreConstantsAndUnknownValuesAreKept() throws Exception {
    assertThat(PathMatchType.of("Exact")).isSameAs(PathMatchType.EXACT);
    assertThat(PathMatchType.of("Glob"))
        .isEqualTo(PathMatchType.of("Glob"))
        .hasSameHashCodeAs(PathMatchType.of("Glob"));
    assertThat(PathMatchType.of("Glob").isKnown()).isFalse();
    assertThat(PathMatchType.knownValues())
        .containsExactly(
            PathMatchType.EXACT, PathMatchType.PATH_PREFIX, PathMatchType.REGULAR_EXPRESSION);
    assertThat(Json.mapper().writeValueAsString(PathMatchType.of("Glob"))).isEqualTo("\"Glob\"");
    assertThat(Json.mapper().readValue("\"PathPrefix\"", PathMatchType.class))
        .isSameAs(PathMatchType.PATH_PREFIX);
    assertThat(HTTPMethod.of("GET")).isEqualTo(HTTPMethod.GET).isNotEqualTo(HTTPMethod.of("get"));
    assertThatThrownBy(() -> PathMatchType.of(null)).isInstanceOf(NullPointerException.class);
  }
}
