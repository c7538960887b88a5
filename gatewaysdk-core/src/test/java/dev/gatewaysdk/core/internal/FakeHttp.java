package dev.gatewaysdk.core.internal;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * An ApiClient whose OkHttp client answers from a script instead of the network, recording
 * requests.
 */
public final class FakeHttp implements Interceptor {
  public final List<Request> requests = new ArrayList<>();
  public final List<String> bodies = new ArrayList<>();
  private final Deque<Function<Request, Response.Builder>> script = new ArrayDeque<>();
  private Function<Request, Response.Builder> fallback;

  public ApiClient apiClient() {
    ApiClient c = new ApiClient(new OkHttpClient.Builder().addInterceptor(this).build());
    c.setBasePath("https://cluster.test:6443");
    return c;
  }

  public FakeHttp then(int code, String json) {
    script.add(r -> response(code, json));
    return this;
  }

  public FakeHttp then(Function<Request, Response.Builder> f) {
    script.add(f);
    return this;
  }

  /** Answers every request not scripted. */
  public FakeHttp otherwise(Function<Request, Response.Builder> f) {
    this.fallback = f;
    return this;
  }

  public static Response.Builder response(int code, String json) {
    return new Response.Builder()
        .code(code)
        .message("x")
        .protocol(Protocol.HTTP_1_1)
        .body(ResponseBody.create(json.replace('\'', '"'), MediaType.get("application/json")));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request r = chain.request();
    requests.add(r);
    Buffer b = new Buffer();
    if (r.body() != null) {
      r.body().writeTo(b);
    }
    bodies.add(b.readUtf8());
    Function<Request, Response.Builder> next = script.isEmpty() ? fallback : script.poll();
    if (next == null) {
      throw new IOException("no scripted response for " + r.method() + " " + r.url());
    }
    return next.apply(r).request(r).build();
  }
}
