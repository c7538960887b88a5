package dev.gatewaysdk.testing.internal.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each HTTP request of one client connection: listener by Host (listener isolation), the
 * first rule entry in precedence order, the rule's filters, a weighted backend, and proxies it over
 * a pooled backend connection. One request at a time per connection: reading stops while a later
 * request waits ({@code autoRead} off), which bounds a connection's memory and keeps pipelined
 * responses in order.
 *
 * <p>A request or response whose body comes in one chunk (most of them) is handled whole. A larger
 * body streams through chunk by chunk with back-pressure: the sending side's {@code autoRead} is
 * off while the receiving side's channel is not writable. Only a rule that needs the body again
 * (request mirrors, retries) collects a streamed request body, up to {@link #MAX_COLLECTED} bytes
 * (else 413). A streamed request body is limited to {@link #MAX_BODY} bytes.
 */
final class HttpProxy extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HttpProxy.class);

  /** The most a rule collects of a streamed request body to send it again (mirrors, retries). */
  static final int MAX_COLLECTED = 8 * 1024 * 1024;

  /** The largest request body declared or streamed; larger ones get 413. */
  static final long MAX_BODY = 1L << 30;

  /** Header names as {@link AsciiString}s, whose hash codes are computed once, not per lookup. */
  private static final List<AsciiString> HOP_BY_HOP =
      List.of(
          HttpHeaderNames.CONNECTION,
          HttpHeaderNames.KEEP_ALIVE,
          HttpHeaderNames.PROXY_CONNECTION,
          HttpHeaderNames.TE,
          HttpHeaderNames.TRAILER,
          HttpHeaderNames.TRANSFER_ENCODING,
          HttpHeaderNames.UPGRADE,
          HttpHeaderNames.EXPECT,
          HttpHeaderNames.PROXY_AUTHENTICATE,
          HttpHeaderNames.PROXY_AUTHORIZATION);

  private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
  private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
  private static final AsciiString HTTP = AsciiString.cached("http");
  private static final AsciiString HTTPS = AsciiString.cached("https");

  /** What every connection of a data plane shares. */
  static final class Shared {
    final Supplier<RouteTable> table;
    final BackendPool pool;
    final Metrics metrics;
    final Duration defaultTimeout;

    Shared(Supplier<RouteTable> table, BackendPool pool, Metrics metrics, Duration defaultTimeout) {
      this.table = table;
      this.pool = pool;
      this.metrics = metrics;
      this.defaultTimeout = defaultTimeout;
    }
  }

  private final Shared shared;
  private final String socketKey;

  /**
   * Whether a request of this connection is being answered; the messages of later ones (pipelining)
   * wait in {@link #pending}.
   */
  private boolean inFlight;

  /** See {@link #serverName}. */
  private String serverName;

  /** The client's IP address, as X-Forwarded-For names it; computed once per connection. */
  private String clientAddress;

  private boolean serverNameRead;

  private final java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>(2);

  /** The exchange whose request body is still arriving, chunk by chunk; null if none. */
  private Exchange receiving;

  /** The exchange whose response is streaming to the client; null if none. */
  private Exchange responding;

  /** The body of a request answered before it arrived is dropped until its last chunk. */
  private boolean discarding;

  /**
   * The request timeout of this connection: one timer for the exchange in flight, re-armed when it
   * fires early rather than scheduled and cancelled per request (requests on a keep-alive
   * connection mostly share one timeout).
   */
  private Exchange timed;

  private ScheduledFuture<?> timer;
  private long timerAt;

  private void armTimer(Exchange x) {
    timed = x;
    if (timer != null && timerAt - x.deadline <= 0) {
      return; // fires before x's deadline, and re-arms then
    }
    if (timer != null) {
      timer.cancel(false);
    }
    timerAt = x.deadline;
    timer =
        x.ctx
            .executor()
            .schedule(
                () -> timerFired(x.ctx), x.deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  private void timerFired(ChannelHandlerContext ctx) {
    timer = null;
    Exchange x = timed;
    if (x == null || x.done) {
      timed = null;
    } else if (System.nanoTime() - x.deadline >= 0) {
      timed = null;
      x.timedOut();
    } else {
      armTimer(x); // the exchange still ends by its timeout if the client has gone
    }
  }

  HttpProxy(Shared shared, String socketKey) {
    this.shared = shared;
    this.socketKey = socketKey;
  }

  /** This handler's context (one connection or HTTP/2 stream per instance). */
  private ChannelHandlerContext context;

  /** After a whole keep-alive response is written: the next request, else the close. */
  private final ChannelFutureListener afterWrite =
      f -> {
        if (f.isSuccess()) {
          next(context);
        } else {
          f.channel().close();
        }
      };

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!pending.isEmpty() || (inFlight && receiving == null && !discarding)) {
      // Pipelined: answer in order; stop reading until this one's turn (bounded memory per
      // connection).
      pending.add(msg);
      reads(ctx);
      return;
    }
    dispatch(ctx, msg);
  }

  private void dispatch(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      HttpRequest req = (HttpRequest) msg;
      boolean streamed = !(msg instanceof LastHttpContent);
      inFlight = true;
      try {
        handle(ctx, req);
      } catch (RuntimeException e) {
        LOG.warn("request {} {} failed in the data plane", req.method(), req.uri(), e);
        ReferenceCountUtil.release(req);
        if (ctx.channel().isActive()) {
          plain(ctx, HttpVersion.HTTP_1_1, HttpResponseStatus.INTERNAL_SERVER_ERROR, false);
        }
      }
      if (streamed && receiving == null) {
        discarding = true; // answered before its body came
      }
    } else if (msg instanceof HttpContent) {
      boolean last = msg instanceof LastHttpContent;
      Exchange x = receiving;
      if (x != null) {
        if (last) {
          receiving = null;
        }
        x.body((HttpContent) msg, last);
      } else {
        ReferenceCountUtil.release(msg);
        if (last) {
          discarding = false;
        }
      }
    } else {
      ctx.fireChannelRead(msg); // not HTTP (an HTTP/2 connection's bytes): for handlers after
    }
  }

  /**
   * Reads from the client while no later request waits and the request body in flight, if any, can
   * go on (the backend connection is there and writable).
   */
  private void reads(ChannelHandlerContext ctx) {
    boolean want = pending.isEmpty() && (receiving == null || receiving.takesBody());
    if (ctx.channel().config().isAutoRead() != want) {
      ctx.channel().config().setAutoRead(want);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    Exchange x = responding;
    if (x != null && x.backendChannel != null) {
      x.backendChannel.config().setAutoRead(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // the client went away: a request or response streaming through ends with the backend's
    // connection, which is left with half a message
    if (responding != null) {
      responding.abandon();
    }
    if (receiving != null) {
      receiving.abandon();
      receiving = null;
    }
    ctx.fireChannelInactive();
  }

  private void handle(ChannelHandlerContext ctx, HttpRequest req) {
    if (req.decoderResult().isFailure()) {
      Throwable cause = req.decoderResult().cause();
      HttpResponseStatus status =
          cause instanceof TooLongHttpHeaderException
              ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
              : cause instanceof TooLongHttpLineException
                  ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                  : cause instanceof TooLongFrameException
                      ? HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE
                      : HttpResponseStatus.BAD_REQUEST;
      ReferenceCountUtil.release(req);
      plain(ctx, HttpVersion.HTTP_1_1, status, false);
      return;
    }
    if (req.protocolVersion().equals(HttpVersion.HTTP_1_1)
        && !H2Connections.isStream(ctx.channel())
        && !oneValidHost(req.headers())) {
      // RFC 9112 section 3.2: no Host, more than one, or an invalid one
      ReferenceCountUtil.release(req);
      plain(ctx, HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, false);
      return;
    }
    if (!(req instanceof LastHttpContent) && HttpUtil.getContentLength(req, -1L) > MAX_BODY) {
      plain(ctx, HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, false);
      return;
    }
    RouteTable.PortConfig port = shared.table.get().ports().get(socketKey);
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (port == null) {
      ReferenceCountUtil.release(req);
      plain(ctx, req.protocolVersion(), HttpResponseStatus.SERVICE_UNAVAILABLE, false);
      return;
    }
    String host = Hostnames.host(req.headers().get(HttpHeaderNames.HOST));
    QueryStringDecoder query = new QueryStringDecoder(req.uri());
    String path = query.rawPath();
    RouteTable.ListenerConfig listener = port.listener(host);
    String sni = serverName(ctx);
    if (sni != null && listener != port.listener(sni)) {
      // the TLS server name picked another listener than the Host names: a misdirected request
      // (RFC 9110 section 15.5.20), as the Gateway API asks of HTTPS listeners sharing a port
      Exchange misdirected = new Exchange(ctx, req, keepAlive, port, listener, null);
      if (!(req instanceof LastHttpContent)) {
        receiving = misdirected; // its body is dropped as it arrives, as for a 404
      }
      misdirected.finish(HttpResponseStatus.MISDIRECTED_REQUEST, null);
      return;
    }
    RouteTable.Entry entry =
        listener == null
            ? null
            : listener.route(host, req.method().name(), path, req.headers(), query);
    Exchange x = new Exchange(ctx, req, keepAlive, port, listener, entry);
    if (!(req instanceof LastHttpContent)) {
      receiving = x;
    }
    if (entry == null) {
      x.finish(HttpResponseStatus.NOT_FOUND, null);
      return;
    }
    if (receiving == x && (!entry.rule.filters.mirrors().isEmpty() || entry.rule.retry != null)) {
      x.collect(path, query.rawQuery()); // starts once the whole body is there
      return;
    }
    x.start(path, query.rawQuery());
  }

  /**
   * The TLS server name the client asked for on this connection (lower case), or null (cleartext,
   * or no SNI); read once per connection or stream.
   */
  private String serverName(ChannelHandlerContext ctx) {
    if (!serverNameRead) {
      serverNameRead = true;
      io.netty.channel.Channel conn =
          H2Connections.isStream(ctx.channel()) ? ctx.channel().parent() : ctx.channel();
      io.netty.handler.ssl.SslHandler ssl =
          conn.pipeline().get(io.netty.handler.ssl.SslHandler.class);
      if (ssl != null && ssl.engine().getSession() instanceof javax.net.ssl.ExtendedSSLSession e) {
        for (javax.net.ssl.SNIServerName n : e.getRequestedServerNames()) {
          if (n instanceof javax.net.ssl.SNIHostName h) {
            serverName = h.getAsciiName().toLowerCase(java.util.Locale.ROOT);
          }
        }
      }
    }
    return serverName;
  }

  /** The client's IP address (of the connection, or of an HTTP/2 stream's connection). */
  private String clientAddress(ChannelHandlerContext ctx) {
    if (clientAddress == null) {
      clientAddress =
          ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
    }
    return clientAddress;
  }

  /** Exactly one Host field whose value could be a {@code host[:port]} (no spaces, no list). */
  private static boolean oneValidHost(HttpHeaders h) {
    java.util.Iterator<String> values = h.valueStringIterator(HttpHeaderNames.HOST);
    if (!values.hasNext()) {
      return false;
    }
    String host = values.next();
    if (values.hasNext()) {
      return false;
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c == ',' || c == '/' || c == '\\' || c == '@' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("client connection {} failed: {}", ctx.channel(), cause.toString());
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null && (timed == null || timed.done)) {
      timer.cancel(false); // nothing in flight to time out
      timer = null;
    }
    Object m;
    while ((m = pending.poll()) != null) {
      ReferenceCountUtil.release(m);
    }
    if (receiving != null) {
      receiving.releaseRequest();
      receiving = null;
    }
  }

  /**
   * The response to the request in flight is written: take the next pipelined one, or read again.
   */
  private void next(ChannelHandlerContext ctx) {
    inFlight = false;
    for (Object m; (m = pending.peek()) != null; ) {
      if (inFlight && receiving == null && !discarding) {
        break; // the next request's messages wait for its turn
      }
      pending.poll();
      dispatch(ctx, m);
    }
    reads(ctx);
  }

  private void plain(
      ChannelHandlerContext ctx,
      HttpVersion version,
      HttpResponseStatus status,
      boolean keepAlive) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            version,
            status,
            Unpooled.copiedBuffer(status.toString() + "\n", StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    write(ctx, r, keepAlive);
  }

  private void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    setContentLength(r.headers(), r.content().readableBytes());
    if (keepAlive) {
      if (r.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
      ctx.writeAndFlush(r).addListener(afterWrite);
    } else {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * One request on its way through: attempts, timeouts, the response. Runs on the connection's
   * event loop.
   */
  private final class Exchange implements BackendPool.Callback {
    final ChannelHandlerContext ctx;

    /** The request's head; a {@link FullHttpRequest} when its body came whole. */
    final HttpRequest req;

    /** The whole request (collected if it streamed), or null while its body streams through. */
    FullHttpRequest full;

    /** A streamed body being collected (mirrors, retries): where it goes, and where it starts. */
    io.netty.buffer.CompositeByteBuf collected;

    String collectedPath;
    String collectedQuery;

    /** Chunks of a streamed body that came before the backend connection. */
    java.util.ArrayDeque<HttpContent> early;

    /** The head of a streamed request body went to {@link #backendChannel}. */
    boolean headSent;

    /** A streamed response: the client got its head, its body follows. */
    boolean responseStarted;

    boolean backendKeepAlive;
    boolean keepAlive;
    final RouteTable.PortConfig port;
    final RouteTable.ListenerConfig listener;
    final RouteTable.Entry entry;
    final RouteTable.Rule rule;
    String uri;
    String origin;
    RouteTable.Backend backend;
    int backendIndex = -1;
    int attemptsLeft;
    Channel backendChannel;
    InetSocketAddress endpoint;
    long sentAt;

    /** When the request times out ({@link System#nanoTime()}); see {@link #armTimer}. */
    long deadline;

    ScheduledFuture<?> backendTimer;
    boolean done;

    /**
     * The client sent {@code TE: trailers}: read before the first attempt removes hop-by-hop
     * headers.
     */
    final boolean teTrailers;

    Exchange(
        ChannelHandlerContext ctx,
        HttpRequest req,
        boolean keepAlive,
        RouteTable.PortConfig port,
        RouteTable.ListenerConfig listener,
        RouteTable.Entry entry) {
      this.ctx = ctx;
      this.req = req;
      this.full = req instanceof FullHttpRequest ? (FullHttpRequest) req : null;
      this.keepAlive = keepAlive;
      this.port = port;
      this.listener = listener;
      this.entry = entry;
      this.rule = entry == null ? null : entry.rule;
      this.teTrailers =
          req.headers().containsValue(HttpHeaderNames.TE, HttpHeaderValues.TRAILERS, true);
    }

    /** Collects the streamed body, then starts. */
    void collect(String path, String rawQuery) {
      collected = ctx.alloc().compositeBuffer(1024);
      collectedPath = path;
      collectedQuery = rawQuery;
    }

    /** A chunk of the streamed request body. */
    void body(HttpContent c, boolean last) {
      if (done) {
        c.release();
        return;
      }
      if (collected != null) {
        if (collected.readableBytes() + (long) c.content().readableBytes() > MAX_COLLECTED) {
          c.release();
          finish(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, null);
          return;
        }
        collected.addComponent(true, c.content().retain());
        if (last) {
          full =
              new DefaultFullHttpRequest(
                  req.protocolVersion(),
                  req.method(),
                  req.uri(),
                  collected,
                  req.headers(),
                  ((LastHttpContent) c).trailingHeaders().copy());
          collected = null;
          c.release();
          start(collectedPath, collectedQuery);
        } else {
          c.release();
        }
        return;
      }
      if (!headSent) {
        if (early == null) {
          early = new java.util.ArrayDeque<>(4);
        }
        early.add(c);
        reads(ctx);
        return;
      }
      Channel b = backendChannel;
      b.writeAndFlush(c).addListener(bodyWritten);
      if (!b.isWritable()) {
        reads(ctx);
      }
    }

    private final ChannelFutureListener bodyWritten =
        wf -> {
          if (!wf.isSuccess()
              && wf.channel().attr(BackendPool.CALLBACK).compareAndSet(this, null)) {
            wf.channel().close();
            failure(wf.cause());
          }
        };

    /** Whether the streamed request body can take more chunks now. */
    boolean takesBody() {
      return done
          || collected != null
          || (headSent && backendChannel != null && backendChannel.isWritable());
    }

    @Override
    public void writabilityChanged(Channel c) {
      if (c == backendChannel && receiving == this) {
        reads(ctx);
      }
    }

    /** Releases what this exchange holds of the request. */
    void releaseRequest() {
      if (full != null) {
        full.release();
        full = null;
      } else {
        ReferenceCountUtil.release(req);
      }
      if (collected != null) {
        collected.release();
        collected = null;
      }
      if (early != null) {
        for (HttpContent c; (c = early.poll()) != null; ) {
          c.release();
        }
      }
    }

    void start(String path, String rawQuery) {
      Filters f = rule.filters;
      HttpHeaders h = req.headers();
      origin = f.cors() == null ? null : h.get(HttpHeaderNames.ORIGIN);
      if (origin != null
          && req.method().equals(HttpMethod.OPTIONS)
          && h.contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
        preflight(f.cors());
        return;
      }
      if (f.redirect() != null) {
        redirect(f.redirect(), path, rawQuery);
        return;
      }
      if (f.requestHeaders() != null) {
        f.requestHeaders().apply(h);
      }
      String newPath = path;
      if (f.rewrite() != null) {
        if (f.rewrite().hostname() != null) {
          h.set(HttpHeaderNames.HOST, f.rewrite().hostname());
        }
        if (f.rewrite().path() != null) {
          newPath = f.rewrite().path().apply(path, entry.match);
        }
      }
      uri = rawQuery.isEmpty() ? newPath : newPath + "?" + rawQuery;
      for (Filters.Mirror m : f.mirrors()) {
        if (m.backend().errorStatus() == 0
            && ThreadLocalRandom.current().nextDouble() < m.fraction()) {
          mirror(m.backend());
        }
      }
      String client = clientAddress(ctx);
      String xff = h.get(X_FORWARDED_FOR);
      h.set(X_FORWARDED_FOR, xff == null ? client : xff + ", " + client);
      h.set(X_FORWARDED_PROTO, "HTTPS".equals(listener.protocol()) ? HTTPS : HTTP);
      attemptsLeft = rule.retry == null ? 0 : rule.retry.attempts();
      Duration timeout = rule.requestTimeout != null ? rule.requestTimeout : shared.defaultTimeout;
      if (!timeout.isZero()) {
        deadline = System.nanoTime() + timeout.toNanos();
        armTimer(this);
      }
      attempt();
    }

    void attempt() {
      if (done) {
        return;
      }
      backendIndex = rule.pick();
      if (backendIndex < 0) {
        finish(HttpResponseStatus.INTERNAL_SERVER_ERROR, null); // no backendRefs, or all weights 0
        return;
      }
      backend = rule.backends.get(backendIndex);
      if (backend.errorStatus() != 0) {
        finish(HttpResponseStatus.valueOf(backend.errorStatus()), null);
        return;
      }
      if (backend.filters().requestHeaders() != null) {
        backend.filters().requestHeaders().apply(req.headers());
      }
      endpoint = backend.endpoint();
      String upgrade = req.headers().get(HttpHeaderNames.UPGRADE);
      if (upgrade != null
          && full != null
          && req.headers()
              .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
        FullHttpRequest out = outbound(full, uri);
        out.headers()
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE)
            .set(HttpHeaderNames.UPGRADE, upgrade);
        sentAt = System.nanoTime();
        Tunnel.open(ctx.channel(), out, endpoint, backend.tls(), this::upgraded);
        return;
      }
      boolean h2c = h2c(rule, backend);
      if (!h2c && backend.tls() == null) {
        Channel idle = shared.pool.pollIdle(ctx.channel().eventLoop(), endpoint);
        if (idle != null) {
          send(idle);
          return;
        }
      }
      shared
          .pool
          .acquire(ctx.channel().eventLoop(), endpoint, h2c, backend.tls())
          .addListener(
              (Future<Channel> f) -> {
                if (!f.isSuccess()) {
                  failure(f.cause());
                } else if (done) {
                  shared.pool.release(f.getNow(), endpoint);
                } else {
                  send(f.getNow());
                }
              });
    }

    void send(Channel c) {
      backendChannel = c;
      c.attr(BackendPool.CALLBACK).set(this);
      if (rule.backendTimeout != null && !rule.backendTimeout.isZero()) {
        backendTimer =
            ctx.executor()
                .schedule(this::timedOut, rule.backendTimeout.toNanos(), TimeUnit.NANOSECONDS);
      }
      sentAt = System.nanoTime();
      HttpRequest out = full != null ? outboundSharingHeaders(full, uri) : outboundHead(req, uri);
      if (H2Connections.isStream(c) && teTrailers) {
        out.headers()
            .set(
                HttpHeaderNames.TE,
                HttpHeaderValues.TRAILERS); // allowed in HTTP/2, and gRPC servers want it
      }
      if (full != null) {
        if (H2Connections.isStream(c)) {
          c.writeAndFlush(out).addListener(bodyWritten);
        } else {
          // a failed write reaches the connection's response handler, which reports it here
          c.writeAndFlush(out, c.voidPromise());
        }
        return;
      }
      // A streamed body: the head, the chunks that came meanwhile, then the rest as it comes.
      headSent = true;
      c.write(out).addListener(bodyWritten);
      if (early != null) {
        for (HttpContent chunk; (chunk = early.poll()) != null; ) {
          c.write(chunk).addListener(bodyWritten);
        }
      }
      c.flush();
      reads(ctx);
    }

    @Override
    public void response(HttpResponse resp) {
      boolean whole = resp instanceof FullHttpResponse;
      Channel c = backendChannel;
      if (done) {
        ReferenceCountUtil.release(resp);
        if (!whole && c != null) {
          detach(c);
        }
        return;
      }
      if (!whole) {
        if (attemptsLeft > 0 && rule.retry.codes().contains(resp.status().code())) {
          detach(c); // its body is not wanted: the connection cannot be reused
          retry();
          return;
        }
        backendKeepAlive = HttpUtil.isKeepAlive(resp);
        responseStarted = true;
        responding = this;
        respond(resp.status(), resp);
        return;
      }
      if (backendTimer != null) {
        backendTimer.cancel(false);
      }
      long nanos = System.nanoTime() - sentAt;
      backendChannel = null;
      entry.durations[backendIndex].observeNanos(nanos);
      if (c != null && HttpUtil.isKeepAlive(resp)) {
        if (receiving == this) {
          c.close(); // answered before the whole body was sent: not reusable
        } else {
          shared.pool.release(c, endpoint);
        }
      }
      if (attemptsLeft > 0 && rule.retry.codes().contains(resp.status().code())) {
        ReferenceCountUtil.release(resp);
        retry();
        return;
      }
      finish(resp.status(), (FullHttpResponse) resp);
    }

    /**
     * A chunk of a streamed response: to the client, the backend paused while it cannot take more.
     */
    @Override
    public void content(HttpContent c) {
      Channel b = backendChannel;
      if (done || b == null) {
        c.release();
        return;
      }
      if (!(c instanceof LastHttpContent)) {
        ctx.writeAndFlush(c);
        if (!ctx.channel().isWritable()) {
          b.config().setAutoRead(false); // channelWritabilityChanged sets it again
        }
        return;
      }
      if (backendTimer != null) {
        backendTimer.cancel(false);
      }
      entry.durations[backendIndex].observeNanos(System.nanoTime() - sentAt);
      backendChannel = null;
      responding = null;
      b.config().setAutoRead(true);
      if (receiving == this) {
        b.close(); // the rest of the request body is not sent: not reusable
      } else if (backendKeepAlive) {
        shared.pool.release(b, endpoint);
      }
      done = true;
      boolean reuse = keepAlive && receiving != this && ctx.channel().isActive();
      stopReceiving();
      releaseRequest();
      ctx.writeAndFlush(c).addListener(afterResponse(reuse));
    }

    /**
     * The client went away while its request or response streamed: the backend connection is
     * closed.
     */
    void abandon() {
      if (responding == this) {
        responding = null;
      }
      if (done) {
        return;
      }
      done = true;
      Channel b = backendChannel;
      backendChannel = null;
      if (b != null) {
        detach(b);
      }
      if (backendTimer != null) {
        backendTimer.cancel(false);
      }
      releaseRequest();
    }

    /** Stops the backend connection reporting to this exchange, and closes it. */
    private void detach(Channel c) {
      c.attr(BackendPool.CALLBACK).set(null);
      c.close();
    }

    /** A streamed response cannot go on (backend failure, timeout): both connections close. */
    private void abandonResponse() {
      Channel b = backendChannel;
      backendChannel = null;
      responding = null;
      if (b != null) {
        detach(b);
      }
      if (!done) {
        done = true;
        stopReceiving();
        releaseRequest();
      }
      ctx.close();
    }

    /** A request whose body is still arriving: the rest is dropped, the connection closes after. */
    private void stopReceiving() {
      if (receiving == this) {
        receiving = null;
        discarding = true;
        keepAlive = false;
      }
    }

    @Override
    public void failure(Throwable cause) {
      if (backendTimer != null) {
        backendTimer.cancel(false);
      }
      if (responseStarted) {
        abandonResponse();
        return;
      }
      backendChannel = null;
      if (done) {
        return;
      }
      LOG.debug("backend {} failed: {}", endpoint, cause.toString());
      if (attemptsLeft > 0) {
        retry();
        return;
      }
      finish(HttpResponseStatus.BAD_GATEWAY, null);
    }

    /**
     * The backend's answer to an upgrade: null once the tunnel is up, its non-101 response, or a
     * failure.
     */
    void upgraded(Object result) {
      if (result instanceof FullHttpResponse) {
        response((FullHttpResponse) result);
      } else if (result instanceof Throwable) {
        failure((Throwable) result);
      } else if (!done) {
        done = true;
        releaseRequest();
        entry.durations[backendIndex].observeNanos(System.nanoTime() - sentAt);
        entry.requests[backendIndex].inc(HttpResponseStatus.SWITCHING_PROTOCOLS.code());
      }
    }

    void retry() {
      attemptsLeft--;
      Duration backoff = rule.retry.backoff();
      if (backoff == null || backoff.isZero()) {
        attempt();
      } else {
        ctx.executor().schedule(this::attempt, backoff.toNanos(), TimeUnit.NANOSECONDS);
      }
    }

    void timedOut() {
      if (done) {
        return;
      }
      if (responseStarted) {
        abandonResponse();
        return;
      }
      Channel c = backendChannel;
      if (c != null) {
        c.attr(BackendPool.CALLBACK).set(null);
        c.close();
      }
      finish(HttpResponseStatus.GATEWAY_TIMEOUT, null);
    }

    void preflight(Filters.Cors cors) {
      FullHttpResponse r =
          new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.OK);
      if (cors.allows(origin)) {
        corsHeaders(cors, r.headers());
        // Browsers take "*" literally on a credentialed request: name what was asked for instead
        String askedMethod = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        String askedHeaders = req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        boolean echo = cors.allowCredentials();
        r.headers()
            .set(
                HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS,
                echo && askedMethod != null && cors.allowMethods().contains("*")
                    ? askedMethod
                    : String.join(", ", cors.allowMethods()));
        if (echo && askedHeaders != null && cors.allowHeaders().contains("*")) {
          r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, askedHeaders);
        } else if (!cors.allowHeaders().isEmpty()) {
          r.headers()
              .set(
                  HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                  String.join(", ", cors.allowHeaders()));
        }
        if (cors.maxAge() != null) {
          r.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, cors.maxAge());
        }
      }
      origin = null;
      finish(HttpResponseStatus.OK, r);
    }

    void corsHeaders(Filters.Cors cors, HttpHeaders h) {
      boolean any = cors.allowOrigins().contains("*") && !cors.allowCredentials();
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, any ? "*" : origin);
      if (cors.allowCredentials()) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
      }
      if (!cors.exposeHeaders().isEmpty()) {
        h.set(
            HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", cors.exposeHeaders()));
      }
    }

    void redirect(Filters.Redirect r, String path, String rawQuery) {
      // No scheme in the filter: the request's (https on an HTTPS listener)
      String scheme =
          r.scheme() != null ? r.scheme() : "HTTPS".equals(listener.protocol()) ? "https" : "http";
      String hostname =
          r.hostname() != null
              ? r.hostname()
              : Hostnames.host(req.headers().get(HttpHeaderNames.HOST));
      int p;
      if (r.port() != null) {
        p = r.port();
      } else if (r.scheme() != null) {
        p = "https".equals(r.scheme()) ? 443 : "http".equals(r.scheme()) ? 80 : port.specPort();
      } else {
        p = port.specPort();
      }
      boolean defaultPort =
          ("http".equals(scheme) && p == 80) || ("https".equals(scheme) && p == 443);
      String newPath = r.path() == null ? path : r.path().apply(path, entry.match);
      String location =
          scheme
              + "://"
              + hostname
              + (defaultPort ? "" : ":" + p)
              + newPath
              + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
      FullHttpResponse resp =
          new DefaultFullHttpResponse(
              req.protocolVersion(), HttpResponseStatus.valueOf(r.statusCode()));
      resp.headers().set(HttpHeaderNames.LOCATION, location);
      finish(resp.status(), resp);
    }

    void mirror(RouteTable.Backend b) {
      InetSocketAddress ep = b.endpoint();
      FullHttpRequest copy = outbound(full, uri);
      boolean h2c = h2c(rule, b);
      shared
          .pool
          .acquire(ctx.channel().eventLoop(), ep, h2c, b.tls())
          .addListener(
              (Future<Channel> f) -> {
                if (!f.isSuccess()) {
                  copy.release();
                  return;
                }
                Channel c = f.getNow();
                c.attr(BackendPool.CALLBACK)
                    .set(
                        new BackendPool.Callback() {
                          @Override
                          public void response(HttpResponse response) {
                            if (!(response instanceof FullHttpResponse)) {
                              detach(c); // a streamed answer to a mirror is not read
                            } else if (HttpUtil.isKeepAlive(response) || h2c) {
                              shared.pool.release(c, ep);
                            }
                            ReferenceCountUtil.release(response);
                          }

                          @Override
                          public void failure(Throwable cause) {
                            LOG.debug("mirror to {} failed: {}", ep, cause.toString());
                          }
                        });
                c.writeAndFlush(copy);
              });
    }

    /** Ends the exchange: {@code resp} (released here) or a plain response with {@code status}. */
    void finish(HttpResponseStatus status, FullHttpResponse resp) {
      if (done) {
        if (resp != null) {
          resp.release();
        }
        return;
      }
      done = true;
      stopReceiving();
      releaseRequest();
      respond(status, resp);
    }

    /**
     * Sends {@code resp} (or a plain response with {@code status} if null) to the client after the
     * response filters: the whole response, or the head of a streamed one (then {@link #content}
     * sends its body).
     */
    void respond(HttpResponseStatus status, HttpResponse resp) {
      HttpResponse out;
      if (resp == null) {
        FullHttpResponse plain =
            new DefaultFullHttpResponse(
                req.protocolVersion(),
                status,
                Unpooled.copiedBuffer(status.toString() + "\n", StandardCharsets.UTF_8));
        plain.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        out = plain;
      } else if (resp.protocolVersion().equals(req.protocolVersion())) {
        out = resp;
        strip(out.headers());
      } else if (resp instanceof FullHttpResponse) {
        FullHttpResponse r = (FullHttpResponse) resp;
        out =
            new DefaultFullHttpResponse(
                req.protocolVersion(), r.status(), r.content(), r.headers(), r.trailingHeaders());
        strip(out.headers());
      } else {
        out = new DefaultHttpResponse(req.protocolVersion(), resp.status(), resp.headers());
        strip(out.headers());
      }
      if (rule != null) {
        if (rule.filters.responseHeaders() != null) {
          rule.filters.responseHeaders().apply(out.headers());
        }
        if (backend != null && backend.filters().responseHeaders() != null) {
          backend.filters().responseHeaders().apply(out.headers());
        }
        if (origin != null && rule.filters.cors().allows(origin)) {
          corsHeaders(rule.filters.cors(), out.headers());
        }
      }
      Metrics.Series series =
          entry != null
              ? entry.requests[backendIndex < 0 ? entry.requests.length - 1 : backendIndex]
              : listener != null ? listener.noRoute() : port.noListener();
      series.inc(status.code());
      if (out instanceof FullHttpResponse) {
        write(ctx, (FullHttpResponse) out, keepAlive && ctx.channel().isActive());
        return;
      }
      // A streamed body: delimited by its Content-Length, else chunked (HTTP/1.1) or the close.
      if (!HttpUtil.isContentLengthSet(out) && mayHaveBody(out)) {
        if (out.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
          HttpUtil.setTransferEncodingChunked(out, true);
        } else {
          keepAlive = false;
        }
      }
      if (!keepAlive) {
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      } else if (out.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
      ctx.writeAndFlush(out);
    }

    private boolean mayHaveBody(HttpResponse r) {
      int code = r.status().code();
      return code >= 200 && code != 204 && code != 304 && !req.method().equals(HttpMethod.HEAD);
    }

    /** After the response's last bytes: the next request, or the close. */
    private ChannelFutureListener afterResponse(boolean reuse) {
      return f -> {
        if (f.isSuccess() && reuse) {
          next(ctx);
        } else {
          f.channel().close();
        }
      };
    }
  }

  /**
   * Whether requests to {@code b} go over cleartext HTTP/2: every gRPC backend, and h2c Service
   * ports.
   */
  private static boolean h2c(RouteTable.Rule rule, RouteTable.Backend b) {
    return "GRPCRoute".equals(rule.routeKind) || "kubernetes.io/h2c".equals(b.appProtocol());
  }

  private static void strip(HttpHeaders h) {
    String connection = h.get(HttpHeaderNames.CONNECTION);
    if (connection != null
        && !HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(connection)
        && !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(connection)) {
      for (String token : connection.split(",")) {
        h.remove(token.trim());
      }
    }
    for (int i = 0; i < HOP_BY_HOP.size(); i++) {
      h.remove(HOP_BY_HOP.get(i)); // header names are case-insensitive in Netty's HttpHeaders
    }
  }

  /**
   * The request to send to a backend: same method, headers without hop-by-hop ones, a retained
   * body.
   */
  private static FullHttpRequest outbound(FullHttpRequest req, String uri) {
    ByteBuf body = req.content().retainedDuplicate();
    FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, req.method(), uri, body);
    out.headers().set(req.headers());
    return withoutHopByHop(out, req.method());
  }

  /**
   * As {@link #outbound(FullHttpRequest, String)}, sharing {@code req}'s headers instead of copying
   * them (hop-by-hop ones are removed from {@code req} itself): for the request's own attempts,
   * whose headers nothing changes between the write and the next attempt.
   */
  private static FullHttpRequest outboundSharingHeaders(FullHttpRequest req, String uri) {
    FullHttpRequest out =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            req.method(),
            uri,
            req.content().retainedDuplicate(),
            req.headers(),
            req.trailingHeaders());
    return withoutHopByHop(out, req.method());
  }

  /** The head of a streamed request to a backend, sharing {@code req}'s headers. */
  private static HttpRequest outboundHead(HttpRequest req, String uri) {
    HttpRequest out =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), uri, req.headers());
    strip(out.headers());
    if (!HttpUtil.isContentLengthSet(out)) {
      HttpUtil.setTransferEncodingChunked(out, true);
    }
    return out;
  }

  private static FullHttpRequest withoutHopByHop(FullHttpRequest out, HttpMethod method) {
    strip(out.headers());
    int length = out.content().readableBytes();
    if (length == 0
        && !method.equals(HttpMethod.POST)
        && !method.equals(HttpMethod.PUT)
        && !method.equals(HttpMethod.PATCH)) {
      out.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    } else {
      setContentLength(out.headers(), length);
    }
    return out;
  }

  /**
   * Sets Content-Length unless it already says {@code length} (saves formatting it per message).
   */
  private static void setContentLength(HttpHeaders h, int length) {
    if (h.getInt(HttpHeaderNames.CONTENT_LENGTH, -1) != length) {
      h.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
    }
  }
}
