package dev.gatewaysdk.testing;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Netty HTTP/2 peers for the data plane's streaming tests: a {@link Client} opening streams on one
 * connection (h2c prior knowledge, or TLS with ALPN h2) that can stop reading a stream, and a
 * {@link CountingBackend} (HTTP/1.1 or h2c) that counts the body bytes it reads and writes.
 */
final class Http2Peers {
  static final EventLoopGroup GROUP =
      new MultiThreadIoEventLoopGroup(
          2,
          r -> {
            Thread t = new Thread(r, "h2-peers");
            t.setDaemon(true);
            return t;
          },
          NioIoHandler.newFactory());

  /** The block bodies are made of: byte {@code i} of a body is {@code (i % 65536) % 251}. */
  static final byte[] BLOCK = new byte[64 << 10];

  static {
    for (int i = 0; i < BLOCK.length; i++) {
      BLOCK[i] = (byte) (i % 251);
    }
  }

  private Http2Peers() {}

  /**
   * A cleartext HTTP/2 (prior knowledge) server on 127.0.0.1 and any free port, each stream's
   * pipeline an HTTP/2-to-HTTP/1 codec followed by what {@code stream} adds.
   */
  static Channel h2cServer(EventLoopGroup group, Consumer<ChannelPipeline> stream)
      throws InterruptedException {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline()
                    .addLast(
                        Http2FrameCodecBuilder.forServer().build(),
                        new Http2MultiplexHandler(
                            new ChannelInitializer<Channel>() {
                              @Override
                              protected void initChannel(Channel s) {
                                s.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
                                stream.accept(s.pipeline());
                              }
                            }));
              }
            })
        .bind("127.0.0.1", 0)
        .sync()
        .channel();
  }

  /** One HTTP/2 connection to the Gateway. */
  static final class Client implements AutoCloseable {
    final Channel conn;

    /**
     * Connects to {@code host:port}: TLS with ALPN h2 (any certificate accepted) when {@code tls},
     * else h2c by prior knowledge. The connection's receive window is 64 MiB, so that a stream this
     * client stops reading does not stop the others at the client's end.
     */
    Client(String host, int port, boolean tls) throws Exception {
      SslContext ssl =
          tls
              ? SslContextBuilder.forClient()
                  .trustManager(InsecureTrustManagerFactory.INSTANCE)
                  .applicationProtocolConfig(
                      new ApplicationProtocolConfig(
                          ApplicationProtocolConfig.Protocol.ALPN,
                          ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                          ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                          ApplicationProtocolNames.HTTP_2))
                  .build()
              : null;
      conn =
          new Bootstrap()
              .group(GROUP)
              .channel(NioSocketChannel.class)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      if (ssl != null) {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "h.example.com", port));
                      }
                      ch.pipeline()
                          .addLast(
                              Http2FrameCodecBuilder.forClient().build(),
                              new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                  })
              .connect(host, port)
              .sync()
              .channel();
      conn.writeAndFlush(new DefaultHttp2WindowUpdateFrame(64 << 20)).sync();
    }

    /**
     * Opens a stream sending {@code method path} with {@code :authority} {@code authority}; the
     * request ends with its headers when {@code endStream}.
     */
    Stream open(String method, String authority, String path, boolean endStream) throws Exception {
      Stream s = new Stream();
      s.channel = new Http2StreamChannelBootstrap(conn).handler(s).open().sync().getNow();
      Http2Headers h =
          new DefaultHttp2Headers()
              .method(method)
              .scheme(
                  conn.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null
                      ? "https"
                      : "http")
              .authority(authority)
              .path(path);
      s.channel.writeAndFlush(new DefaultHttp2HeadersFrame(h, endStream)).sync();
      return s;
    }

    @Override
    public void close() {
      conn.close().syncUninterruptibly();
    }
  }

  /** A stream of a {@link Client}: what came back, counted. */
  static final class Stream extends ChannelInboundHandlerAdapter {
    Http2StreamChannel channel;
    final CompletableFuture<Http2Headers> headers = new CompletableFuture<>();

    /** Completes with the body's length once the response ends, or with the reset. */
    final CompletableFuture<Long> ended = new CompletableFuture<>();

    final AtomicLong received = new AtomicLong();

    /** Every body byte received was the pattern's byte at its offset. */
    volatile boolean patternHeld = true;

    private final ByteArrayOutputStream start = new ByteArrayOutputStream();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame) {
          Http2HeadersFrame f = (Http2HeadersFrame) msg;
          headers.complete(f.headers());
          if (f.isEndStream()) {
            ended.complete(received.get());
          }
        } else if (msg instanceof Http2DataFrame) {
          Http2DataFrame f = (Http2DataFrame) msg;
          ByteBuf b = f.content();
          long at = received.get();
          for (int i = b.readerIndex(); i < b.writerIndex(); i++, at++) {
            if (b.getByte(i) != BLOCK[(int) (at % BLOCK.length)]) {
              patternHeld = false;
            }
          }
          synchronized (start) {
            if (start.size() < 1024) {
              b.getBytes(b.readerIndex(), start, Math.min(1024, b.readableBytes()));
            }
          }
          received.addAndGet(b.readableBytes());
          if (f.isEndStream()) {
            ended.complete(received.get());
          }
        } else if (msg instanceof Http2ResetFrame) {
          reset(((Http2ResetFrame) msg).errorCode());
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof Http2ResetFrame) {
        reset(((Http2ResetFrame) evt).errorCode());
      }
      ctx.fireUserEventTriggered(evt);
    }

    private void reset(long code) {
      ended.completeExceptionally(new Reset(Http2Error.valueOf(code)));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      ended.completeExceptionally(new IllegalStateException("stream closed"));
    }

    /** The response's status. */
    int status() throws Exception {
      return Integer.parseInt(headers.get(30, TimeUnit.SECONDS).status().toString());
    }

    /** The first KiB of the body, as text. */
    String text() {
      synchronized (start) {
        return start.toString(StandardCharsets.UTF_8);
      }
    }

    /**
     * Sends {@code blocks} pattern blocks as the stream's flow control lets them go, then ends the
     * request when {@code end}; {@code lag} is called after each block with the bytes sent so far.
     */
    void send(int blocks, boolean end, java.util.function.LongConsumer lag)
        throws InterruptedException {
      long sent = 0;
      for (int i = 0; i < blocks; i++) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!channel.isWritable() && channel.isActive() && System.nanoTime() < until) {
          Thread.sleep(0, 200_000);
        }
        if (!channel.isActive()) {
          return;
        }
        boolean last = end && i == blocks - 1;
        channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(BLOCK), last));
        sent += BLOCK.length;
        lag.accept(sent);
      }
    }

    /** Sends {@code bytes} as a data frame; the last of the request when {@code end}. */
    void send(String bytes, boolean end) {
      channel.writeAndFlush(
          new DefaultHttp2DataFrame(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII), end));
    }

    /** Stops reading: the stream's window is no longer returned. */
    void pause() {
      channel.eventLoop().submit(() -> channel.config().setAutoRead(false)).syncUninterruptibly();
    }

    void resume() {
      channel.eventLoop().execute(() -> channel.config().setAutoRead(true));
    }
  }

  /** The stream was reset with {@link #error}. */
  static final class Reset extends Exception {
    final Http2Error error;

    Reset(Http2Error error) {
      super("RST_STREAM " + error);
      this.error = error;
    }
  }

  /**
   * A backend counting body bytes: {@code GET ...?bytes=N} answers with N pattern bytes (written 64
   * KiB at a time while the connection or stream is writable); any other method reads the body and
   * answers with its length. HTTP/1.1 (64 KiB send buffer), or h2c by prior knowledge.
   */
  static final class CountingBackend implements AutoCloseable {
    /** Body bytes read (uploads) plus body bytes written (downloads). */
    final AtomicLong counted = new AtomicLong();

    final Channel server;

    CountingBackend(boolean h2c) throws InterruptedException {
      server =
          h2c
              ? h2cServer(GROUP, p -> p.addLast(new Counting()))
              : new ServerBootstrap()
                  .group(GROUP)
                  .channel(NioServerSocketChannel.class)
                  .childOption(ChannelOption.SO_SNDBUF, 64 << 10)
                  .childHandler(
                      new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                          ch.pipeline().addLast(new HttpServerCodec(), new Counting());
                        }
                      })
                  .bind("127.0.0.1", 0)
                  .sync()
                  .channel();
    }

    int port() {
      return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
      server.close().syncUninterruptibly();
    }

    private final class Counting extends ChannelInboundHandlerAdapter {
      private long body;
      private long toWrite;

      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
          if (msg instanceof HttpRequest && ((HttpRequest) msg).method().equals(HttpMethod.GET)) {
            QueryStringDecoder q = new QueryStringDecoder(((HttpRequest) msg).uri());
            toWrite =
                Long.parseLong(q.parameters().getOrDefault("bytes", java.util.List.of("0")).get(0));
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, toWrite);
            ctx.write(r);
            pump(ctx);
            return;
          }
          if (msg instanceof HttpRequest) {
            body = 0;
          }
          if (msg instanceof HttpContent) {
            int n = ((HttpContent) msg).content().readableBytes();
            body += n;
            counted.addAndGet(n);
            if (msg instanceof LastHttpContent) {
              FullHttpResponse r =
                  new DefaultFullHttpResponse(
                      HttpVersion.HTTP_1_1,
                      HttpResponseStatus.OK,
                      Unpooled.copiedBuffer(Long.toString(body), StandardCharsets.US_ASCII));
              r.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
              ctx.writeAndFlush(r);
            }
          }
        } finally {
          ReferenceCountUtil.release(msg);
        }
      }

      private boolean pumping;

      private void pump(ChannelHandlerContext ctx) {
        if (pumping) {
          return; // a write changed the writability
        }
        pumping = true;
        while (toWrite > 0 && ctx.channel().isWritable() && ctx.channel().isActive()) {
          int n = (int) Math.min(BLOCK.length, toWrite);
          toWrite -= n;
          ByteBuf b = Unpooled.wrappedBuffer(BLOCK, 0, n);
          ctx.write(toWrite == 0 ? new DefaultLastHttpContent(b) : new DefaultHttpContent(b));
          counted.addAndGet(n);
        }
        pumping = false;
        ctx.flush();
      }

      @Override
      public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pump(ctx);
        ctx.fireChannelWritabilityChanged();
      }
    }
  }
}
