package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a socket, so tests choose every byte (Host, malformed lines, huge
 * headers) and see exactly what came back. One request per connection ({@code Connection: close}).
 */
final class RawHttp {
  static final class Response {
    final int status;
    final Map<String, String> headers;
    final String body;

    Response(int status, Map<String, String> headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonNode json() {
      try {
        return Kube.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    String backend() {
      return status == 200 ? json().path("backend").asText() : "status " + status;
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private RawHttp() {}

  /** GET {@code path} with {@code Host: host} and extra header lines ("Name: value"). */
  static Response get(URI base, String host, String path, String... headers) throws IOException {
    return request(base, "GET", host, path, "", headers);
  }

  static Response request(
      URI base, String method, String host, String path, String body, String... headers)
      throws IOException {
    return raw(base, text(method, host, path, body, headers));
  }

  /** The bytes {@link #request} sends, as text. */
  static String text(String method, String host, String path, String body, String... headers) {
    StringBuilder sb =
        new StringBuilder(
            method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0) {
      sb.append("Content-Length: ").append(b.length).append("\r\n");
    }
    sb.append("\r\n").append(body);
    return sb.toString();
  }

  /** A message head up to and including its empty line, read byte by byte from {@code in}. */
  static String head(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (sb.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed in the head: " + sb);
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  /** The Content-Length a message head declares, or -1. */
  static long contentLength(String head) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)").matcher(head);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** Sends {@code raw} as is and reads the response until the server closes. */
  static Response raw(URI base, String raw) throws IOException {
    return raw(new Socket(base.getHost(), base.getPort()), raw);
  }

  /** Sends {@code raw} as is on {@code socket} (closed after) and reads the response. */
  static Response raw(Socket socket, String raw) throws IOException {
    try (Socket s = socket) {
      s.setSoTimeout(20_000);
      s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      try {
        while ((n = in.read(buf)) > 0) {
          all.write(buf, 0, n);
        }
      } catch (java.net.SocketException e) {
        // reset after the response: keep what arrived
      }
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IOException("no complete response: " + text);
      }
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int c = lines[i].indexOf(':');
        headers.merge(
            lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(c + 1).trim(),
            (a, x) -> a + "," + x);
      }
      return new Response(
          status,
          headers,
          new String(
              text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
              StandardCharsets.UTF_8));
    }
  }
}
