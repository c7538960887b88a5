package dev.gatewaysdk.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.gatewaysdk.model.HTTPPathMatch;
import dev.gatewaysdk.model.PathMatchType;
import org.junit.jupiter.api.Test;

class CodecsTest {
  private static HTTPPathMatch read(String json) throws Exception {
    return Json.mapper().readValue(json, HTTPPathMatch.class);
  }

  @Test
  void openEnumReadsKnownValuesAsTheirConstants() throws Exception {
    assertThat(read("{\"type\":\"PathPrefix\",\"value\":\"/a\"}").type())
        .containsSame(PathMatchType.PATH_PREFIX);
    // escaped: matched on the decoded characters
    assertThat(read("{\"type\":\"Path\\u0050refix\",\"value\":\"/a\"}").type())
        .containsSame(PathMatchType.PATH_PREFIX);
    assertThat(read("{\"type\":\"Exact\",\"value\":\"/a\"}").type())
        .containsSame(PathMatchType.EXACT);
  }

  @Test
  void openEnumKeepsUnknownValuesAndPrefixesOfKnownOnes() throws Exception {
    assertThat(read("{\"type\":\"Glob\",\"value\":\"/a\"}").type().orElseThrow().value())
        .isEqualTo("Glob");
    assertThat(read("{\"type\":\"Path\",\"value\":\"/a\"}").type().orElseThrow().value())
        .isEqualTo("Path");
    assertThat(read("{\"type\":\"PathPrefixes\",\"value\":\"/a\"}").type().orElseThrow().value())
        .isEqualTo("PathPrefixes");
  }

  @Test
  void openEnumRefusesAnObject() {
    assertThatThrownBy(() -> read("{\"type\":{},\"value\":\"/a\"}"))
        .isInstanceOf(JsonMappingException.class);
  }
}
