package dev.gatewaysdk.testing.internal.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server's HTTP/1.1 listener on Netty. A whole request (head and body) must arrive within
 * {@link #REQUEST_TIMEOUT_SECONDS} of the connection opening or the previous answer, else the
 * connection is closed (this is the header and the idle timeout); at most {@link #MAX_CONNECTIONS}
 * connections are open; bodies over {@link ApiHandler#MAX_BODY} are refused. Whole requests are
 * handed to a bounded worker pool one at a time per connection (so answers keep the order of
 * pipelined requests); streams (watches) hold no thread.
 */
final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  static final int MAX_CONNECTIONS = 4096;
  static final long REQUEST_TIMEOUT_SECONDS = 60;
  private static final int WORKERS = 64;

  private final EventLoopGroup group;
  private final ExecutorService workers;
  private final Channel server;
  private final AtomicInteger connections = new AtomicInteger();
  private final SslContext ssl;

  HttpTransport(int port, SslContext ssl, Consumer<Exchange> handler, String name)
      throws InterruptedException {
    this.ssl = ssl;
    AtomicInteger threads = new AtomicInteger();
    this.group =
        new MultiThreadIoEventLoopGroup(
            2,
            r -> {
              // A FastThreadLocalThread, as Netty's own thread factory makes: on a plain Thread,
              // Netty's recyclers and per-thread allocator caches fall back to slow shared paths.
              Thread t =
                  new io.netty.util.concurrent.FastThreadLocalThread(
                      r, name + "-io-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(4096),
            r -> {
              Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (connections.incrementAndGet() > MAX_CONNECTIONS) {
                      connections.decrementAndGet();
                      LOG.debug(
                          "connection limit {} reached: closing {}",
                          MAX_CONNECTIONS,
                          ch.remoteAddress());
                      ch.close();
                      return;
                    }
                    ch.closeFuture().addListener(f -> connections.decrementAndGet());
                    ChannelPipeline p = ch.pipeline();
                    if (ssl != null) {
                      p.addLast(ssl.newHandler(ch.alloc()));
                    }
                    p.addLast(new HttpServerCodec(16 * 1024, 64 * 1024, 16 * 1024));
                    p.addLast(new Connection(handler));
                  }
                });
    this.server =
        b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  int openConnections() {
    return connections.get();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** Per connection: timeouts, aggregation of one request, the queue of pipelined requests. */
  private final class Connection extends ChannelInboundHandlerAdapter {
    private final Consumer<Exchange> handler;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
    private HttpObjectAggregator aggregator;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean busy;

    Connection(Consumer<Exchange> handler) {
      this.handler = handler;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
      aggregator =
          new HttpObjectAggregator((int) ApiHandler.MAX_BODY) {
            @Override
            protected void handleOversizedMessage(ChannelHandlerContext c, HttpMessage oversized) {
              ApiError e = ApiError.tooLarge(ApiHandler.MAX_BODY);
              FullHttpResponse r =
                  new DefaultFullHttpResponse(
                      HttpVersion.HTTP_1_1,
                      HttpResponseStatus.valueOf(e.code),
                      Unpooled.wrappedBuffer(Json.bytes(e.status)));
              r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
              HttpUtil.setContentLength(r, r.content().readableBytes());
              // The connection stays open: the aggregator discards the rest of the body (closing
              // now would
              // reset the connection under a client still sending, and it would never see the
              // answer).
              c.writeAndFlush(r);
            }
          };
      ctx.pipeline().addBefore(ctx.name(), null, aggregator);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      arm(REQUEST_TIMEOUT_SECONDS);
      ctx.fireChannelActive();
    }

    private void arm(long seconds) {
      disarm();
      timer =
          ctx.executor()
              .schedule(
                  () -> {
                    LOG.debug(
                        "closing {}: no complete request within {} s",
                        ctx.channel().remoteAddress(),
                        seconds);
                    ctx.close();
                  },
                  seconds,
                  TimeUnit.SECONDS);
    }

    private void disarm() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest) {
        FullHttpRequest req = (FullHttpRequest) msg;
        if (!req.decoderResult().isSuccess()) {
          req.release();
          FullHttpResponse r =
              new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
          r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
          ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
          return;
        }
        disarm();
        pending.add(req);
        next();
      } else {
        io.netty.util.ReferenceCountUtil.release(msg);
      }
    }

    private void next() {
      if (busy || pending.isEmpty()) {
        return;
      }
      busy = true;
      FullHttpRequest req = pending.poll();
      NettyExchange ex = new NettyExchange(ctx, req, ssl != null, this::done);
      try {
        workers.execute(
            () -> {
              try {
                handler.accept(ex);
              } catch (RuntimeException e) {
                LOG.warn("{} {} failed", ex.method(), ex.rawPath(), e);
                ex.failIfUnanswered();
              }
            });
      } catch (RejectedExecutionException e) {
        ex.respond(
            429,
            List.<String[]>of(new String[] {"Retry-After", "1"}),
            Json.bytes(ApiError.tooManyRequests().status));
      }
    }

    /** Called on the event loop when an answer is complete. */
    private void done(boolean keepAlive) {
      busy = false;
      if (!keepAlive) {
        ctx.close();
        return;
      }
      if (pending.isEmpty()) {
        arm(REQUEST_TIMEOUT_SECONDS);
      }
      next();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      disarm();
      pending.forEach(FullHttpRequest::release);
      pending.clear();
      ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  /** One request and its answer on a Netty channel. */
  private static final class NettyExchange implements Exchange {
    private final ChannelHandlerContext ctx;
    private final HttpRequest req;
    private final byte[] body;
    private final boolean secure;
    private final boolean keepAlive;
    private final Consumer<Boolean> done;
    private final String path;
    private final String query;
    private final AtomicBoolean answered = new AtomicBoolean();

    NettyExchange(
        ChannelHandlerContext ctx, FullHttpRequest req, boolean secure, Consumer<Boolean> done) {
      this.ctx = ctx;
      this.req = req;
      this.body = ByteBufUtil.getBytes(req.content());
      req.release();
      this.secure = secure;
      this.keepAlive = HttpUtil.isKeepAlive(req);
      this.done = done;
      String uri = req.uri();
      int q = uri.indexOf('?');
      this.path = q < 0 ? uri : uri.substring(0, q);
      this.query = q < 0 ? null : uri.substring(q + 1);
    }

    @Override
    public String method() {
      return req.method().name();
    }

    @Override
    public String rawPath() {
      return path;
    }

    @Override
    public String rawQuery() {
      return query;
    }

    @Override
    public String header(String name) {
      return req.headers().get(name);
    }

    @Override
    public List<String> headers(String name) {
      return req.headers().getAll(name);
    }

    @Override
    public byte[] body() {
      return body;
    }

    @Override
    public boolean secure() {
      return secure;
    }

    void failIfUnanswered() {
      if (!answered.get()) {
        ApiError e = ApiError.internal("the request could not be answered");
        respond(e.code, List.of(), Json.bytes(e.status));
      }
    }

    @Override
    public void respond(int code, List<String[]> headers, byte[] bytes) {
      if (!answered.compareAndSet(false, true)) {
        throw new IllegalStateException("answered twice");
      }
      FullHttpResponse r =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(code),
              Unpooled.wrappedBuffer(bytes));
      for (String[] h : headers) {
        r.headers().add(h[0], h[1]);
      }
      HttpUtil.setContentLength(r, bytes.length);
      if (!keepAlive) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
      ctx.writeAndFlush(r)
          .addListener(f -> ctx.executor().execute(() -> done.accept(keepAlive && f.isSuccess())));
    }

    @Override
    public Stream stream(List<String[]> headers) {
      if (!answered.compareAndSet(false, true)) {
        throw new IllegalStateException("answered twice");
      }
      HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      for (String[] h : headers) {
        r.headers().add(h[0], h[1]);
      }
      HttpUtil.setTransferEncodingChunked(r, true);
      ctx.writeAndFlush(r);
      return new NettyStream(ctx, keepAlive, done);
    }
  }

  private static final class NettyStream implements Exchange.Stream {
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final Consumer<Boolean> done;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

    NettyStream(ChannelHandlerContext ctx, boolean keepAlive, Consumer<Boolean> done) {
      this.ctx = ctx;
      this.keepAlive = keepAlive;
      this.done = done;
      ctx.channel().closeFuture().addListener(f -> closed());
    }

    private void closed() {
      ended.set(true);
      runOnClose();
    }

    private void runOnClose() {
      for (Runnable r : onClose) {
        if (onClose.remove(r)) {
          r.run();
        }
      }
    }

    @Override
    public void write(byte[] piece) {
      if (!ended.get()) {
        ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(piece)));
      }
    }

    @Override
    public boolean writable() {
      return ctx.channel().isWritable();
    }

    @Override
    public void onWritable(Runnable r) {
      ctx.executor()
          .execute(
              () -> {
                if (ctx.channel().isWritable()) {
                  r.run();
                } else {
                  ctx.pipeline()
                      .addLast(
                          new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelWritabilityChanged(ChannelHandlerContext c) {
                              if (c.channel().isWritable()) {
                                c.pipeline().remove(this);
                                r.run();
                              }
                              c.fireChannelWritabilityChanged();
                            }
                          });
                }
              });
    }

    @Override
    public void onClose(Runnable r) {
      onClose.add(r);
      if (ended.get() || !ctx.channel().isOpen()) {
        runOnClose();
      }
    }

    @Override
    public void end() {
      if (ended.compareAndSet(false, true)) {
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
            .addListener(
                f -> ctx.executor().execute(() -> done.accept(keepAlive && f.isSuccess())));
        runOnClose();
      }
    }

    @Override
    public ScheduledExecutorService executor() {
      return ctx.executor();
    }
  }
}
