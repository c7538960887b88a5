package dev.gatewaysdk.testing;

import static dev.gatewaysdk.testing.TrafficReplay.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TrafficReplay.Case#compare} decides as the suite's {@code CompareRoundTrip}. */
class TrafficReplayCaseTest {
  static RawHttp.Response echo(String backend, String namespace, String path, String... headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-backend", backend);
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], headers[i + 1]);
    }
    String body =
        "{\"backend\":\""
            + backend
            + "\",\"namespace\":\""
            + namespace
            + "\",\"method\":\"GET\",\"path\":\""
            + path
            + "\",\"host\":\"h\",\"headers\":{\"x-seen\":\"1\"}}";
    return new RawHttp.Response(200, h, body);
  }

  static RawHttp.Response redirect(int status, String location) {
    return new RawHttp.Response(status, Map.of("location", location), "");
  }

  @Test
  void backendNamespacePathAndHeadersMustMatch() {
    TrafficReplay.Case c = get("/a").backend("infra", "v1").seenHeader("X-Seen", "1");
    assertThat(c.compare(echo("v1", "infra", "/a"))).isEmpty();
    assertThat(c.compare(echo("v2", "infra", "/a")))
        .hasValueSatisfying(p -> assertThat(p).contains("backend v2"));
    assertThat(c.compare(echo("v1", "web", "/a")))
        .hasValueSatisfying(p -> assertThat(p).contains("namespace web"));
    assertThat(c.compare(echo("v1", "infra", "/b")))
        .hasValueSatisfying(p -> assertThat(p).contains("path /b"));
    assertThat(get("/a").seenAbsent("x-seen").compare(echo("v1", "infra", "/a"))).isPresent();
    assertThat(get("/a").status(404).compare(echo("v1", "infra", "/a")))
        .hasValueSatisfying(p -> assertThat(p).contains("status 200"));
  }

  @Test
  void responseHeadersAcceptAnyListedValueAndAbsenceIsChecked() {
    RawHttp.Response r = echo("v1", "infra", "/", "x-a", "b, a");
    assertThat(get("/").responseHeader("X-A", "a, b", "b, a").compare(r)).isEmpty();
    assertThat(get("/").responseHeader("X-A", "a,b").compare(r)).isPresent();
    assertThat(get("/").responseHeader("X-A", "b,a").ignoreWhitespace().compare(r)).isEmpty();
    assertThat(get("/").responseAbsent("x-a").compare(r)).isPresent();
    assertThat(get("/").byGateway().compare(r))
        .as("a 200 from a backend where the Gateway must answer")
        .isPresent();
  }

  @Test
  void redirectsDefaultToTheRequestsSchemeAndPathAndTheSchemesPort() {
    TrafficReplay.Case c = get("/p?q=1").redirect(302, null, "example.org", null, null);
    assertThat(c.compare(redirect(302, "http://example.org/p"))).isEmpty();
    assertThat(c.compare(redirect(302, "http://example.org:80/p"))).isEmpty();
    assertThat(c.compare(redirect(302, "http://example.org:8080/p"))).isPresent();
    assertThat(c.compare(redirect(302, "https://example.org/p"))).isPresent();
    assertThat(c.compare(redirect(302, "http://other.org/p"))).isPresent();
    assertThat(c.compare(redirect(301, "http://example.org/p"))).isPresent();
    assertThat(
            get("/p")
                .redirect(302, "https", null, "8443", "/x")
                .compare(redirect(302, "https://h:8443/x")))
        .isEmpty();
  }
}
