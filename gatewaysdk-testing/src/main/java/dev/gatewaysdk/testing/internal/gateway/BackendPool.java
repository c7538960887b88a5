package dev.gatewaysdk.testing.internal.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keep-alive HTTP/1.1 connections to backend endpoints, pooled per event loop so that a client
 * connection and the backend connections it uses share one thread (no locks, no hand-over). Each
 * pooled connection carries at most one request at a time.
 */
final class BackendPool {
  /**
   * Told of the backend's response, or of the failure (connect, reset, malformed, closed before the
   * response was complete). A response whose body comes in one chunk is a {@link FullHttpResponse};
   * a larger one is its head, then its body in {@link #content} calls, the last a {@link
   * LastHttpContent}.
   */
  interface Callback {
    void response(HttpResponse response);

    /** A chunk of the body of a streamed response; the receiver releases it. */
    default void content(HttpContent content) {
      content.release();
    }

    void failure(Throwable cause);

    /** The backend connection's writability changed. */
    default void writabilityChanged(Channel c) {}
  }

  static final AttributeKey<Callback> CALLBACK =
      AttributeKey.valueOf("gatewaysdk.backend.callback");
  private static final int MAX_IDLE_PER_ENDPOINT = 64;

  private final Duration connectTimeout;
  private final Map<EventLoop, Map<InetSocketAddress, ArrayDeque<Channel>>> idle =
      new ConcurrentHashMap<>();
  private final H2Connections h2;

  BackendPool(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
    this.h2 = new H2Connections(connectTimeout, new ResponseHandler());
  }

  /**
   * A channel to send one request to {@code endpoint} on: a stream of a cleartext HTTP/2 connection
   * when {@code h2c}, else a pooled HTTP/1.1 connection. Call on {@code loop}.
   */
  Future<Channel> acquire(EventLoop loop, InetSocketAddress endpoint, boolean h2c) {
    return h2c ? h2.acquire(loop, endpoint) : acquire(loop, endpoint);
  }

  /**
   * As {@link #acquire(EventLoop, InetSocketAddress, boolean)}, over TLS when {@code tls} is set (a
   * BackendTLSPolicy): a new HTTP/1.1 connection whose handshake sends the policy's hostname as SNI
   * and verifies the certificate against its CA certificates and hostname (or subjectAltNames); a
   * failed verification closes it, so the request fails as with a backend that resets (502). Not
   * pooled.
   */
  Future<Channel> acquire(
      EventLoop loop, InetSocketAddress endpoint, boolean h2c, RouteTable.BackendTls tls) {
    if (tls == null) {
      return acquire(loop, endpoint, h2c);
    }
    return connect(
        loop,
        endpoint,
        connectTimeout,
        new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            addTls(ch, tls, endpoint);
            ch.pipeline()
                .addLast(
                    new HttpClientCodec(8192, 65536, SingleChunkMessages.CHUNK_SIZE),
                    new SingleChunkMessages(),
                    new ResponseHandler());
            ch.attr(NOT_POOLED).set(Boolean.TRUE);
          }
        });
  }

  /**
   * Adds TLS as {@code tls} (a BackendTLSPolicy) asks to a new backend connection's pipeline: the
   * policy's hostname as SNI, the certificate verified against its CA certificates and hostname (or
   * subjectAltNames); a failed verification closes the connection.
   */
  static void addTls(Channel ch, RouteTable.BackendTls tls, InetSocketAddress endpoint) {
    io.netty.handler.ssl.SslHandler ssl =
        tls.context().newHandler(ch.alloc(), tls.hostname(), endpoint.getPort());
    javax.net.ssl.SSLParameters params = ssl.engine().getSSLParameters();
    if (tls.subjectAltNames().isEmpty()) {
      params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the hostname
    }
    params.setServerNames(List.of(new javax.net.ssl.SNIHostName(tls.hostname())));
    ssl.engine().setSSLParameters(params);
    ch.pipeline().addLast(ssl, new SubjectAltNameCheck(tls.subjectAltNames()));
  }

  private static final io.netty.util.AttributeKey<Boolean> NOT_POOLED =
      io.netty.util.AttributeKey.valueOf("gatewaysdk-not-pooled");

  /**
   * After the handshake: the backend's certificate carries one of the policy's subjectAltNames,
   * else closed.
   */
  private static final class SubjectAltNameCheck
      extends io.netty.channel.ChannelInboundHandlerAdapter {
    private final List<String> names;

    SubjectAltNameCheck(List<String> names) {
      this.names = names;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent
          && ((io.netty.handler.ssl.SslHandshakeCompletionEvent) evt).isSuccess()
          && !names.isEmpty()) {
        java.security.cert.X509Certificate cert =
            (java.security.cert.X509Certificate)
                ctx.pipeline()
                    .get(io.netty.handler.ssl.SslHandler.class)
                    .engine()
                    .getSession()
                    .getPeerCertificates()[0];
        boolean ok = false;
        java.util.Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
          ok |= names.contains(String.valueOf(san.get(1)));
        }
        if (!ok) {
          ctx.close();
          return;
        }
      }
      super.userEventTriggered(ctx, evt);
    }
  }

  /**
   * A connection to {@code endpoint} on {@code loop}: an idle pooled one, else a new one. Call on
   * {@code loop}.
   */
  Future<Channel> acquire(EventLoop loop, InetSocketAddress endpoint) {
    Channel c = pollIdle(loop, endpoint);
    if (c != null) {
      return loop.newSucceededFuture(c);
    }
    return connect(
        loop,
        endpoint,
        connectTimeout,
        new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline()
                .addLast(
                    new HttpClientCodec(8192, 65536, SingleChunkMessages.CHUNK_SIZE),
                    new SingleChunkMessages(),
                    new ResponseHandler());
          }
        });
  }

  /**
   * An idle pooled HTTP/1.1 connection to {@code endpoint} on {@code loop}, or null if there is
   * none. Call on {@code loop}.
   */
  Channel pollIdle(EventLoop loop, InetSocketAddress endpoint) {
    Map<InetSocketAddress, ArrayDeque<Channel>> byEndpoint = idle.get(loop);
    ArrayDeque<Channel> q = byEndpoint == null ? null : byEndpoint.get(endpoint);
    while (q != null && !q.isEmpty()) {
      Channel c = q.pollLast();
      if (c.isActive()) {
        return c;
      }
    }
    return null;
  }

  /**
   * A new TCP connection to {@code endpoint} on {@code loop}, its pipeline set up by {@code init}.
   */
  static Future<Channel> connect(
      EventLoop loop,
      InetSocketAddress endpoint,
      Duration connectTimeout,
      io.netty.channel.ChannelHandler init) {
    Promise<Channel> p = loop.newPromise();
    new Bootstrap()
        .group(loop)
        .channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(init)
        .connect(endpoint)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                p.setSuccess(((io.netty.channel.ChannelFuture) f).channel());
              } else {
                p.setFailure(f.cause());
              }
            });
    return p;
  }

  /**
   * Returns a connection whose last response was complete and keep-alive. Call on its event loop.
   */
  void release(Channel c, InetSocketAddress endpoint) {
    if (H2Connections.isStream(c)) {
      c.close(); // its response is complete: the stream is done
      return;
    }
    if (!c.isActive()) {
      return;
    }
    if (Boolean.TRUE.equals(c.attr(NOT_POOLED).get())) {
      c.close();
      return;
    }
    ArrayDeque<Channel> q =
        idle.computeIfAbsent(c.eventLoop(), l -> new HashMap<>())
            .computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    if (q.size() >= MAX_IDLE_PER_ENDPOINT) {
      c.close();
    } else {
      q.addLast(c);
    }
  }

  /** Closes the connection after the streamed response it carries (not keep-alive). */
  private static final AttributeKey<Boolean> CLOSE_AFTER =
      AttributeKey.valueOf("gatewaysdk.backend.closeAfter");

  /**
   * Hands each response (or its head and chunks) to the connection's {@link #CALLBACK}, which takes
   * over the message's reference count; a message nobody takes is released here.
   */
  @io.netty.channel.ChannelHandler.Sharable
  private static final class ResponseHandler extends io.netty.channel.ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object o) {
      if (!(o instanceof HttpObject)) {
        ctx.fireChannelRead(o);
        return;
      }
      HttpObject msg = (HttpObject) o;
      boolean last = msg instanceof LastHttpContent;
      Callback cb =
          last || msg.decoderResult().isFailure()
              ? ctx.channel().attr(CALLBACK).getAndSet(null)
              : ctx.channel().attr(CALLBACK).get();
      if (msg.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        ctx.close();
        if (cb != null) {
          cb.failure(msg.decoderResult().cause());
        }
        return;
      }
      if (msg instanceof HttpResponse) {
        HttpResponse r = (HttpResponse) msg;
        if (!HttpUtil.isKeepAlive(r)) {
          if (last) {
            ctx.close();
          } else {
            ctx.channel().attr(CLOSE_AFTER).set(Boolean.TRUE);
          }
        }
        if (cb == null) {
          ReferenceCountUtil.release(msg);
          ctx.close();
        } else {
          cb.response(r);
        }
        return;
      }
      if (last && Boolean.TRUE.equals(ctx.channel().attr(CLOSE_AFTER).getAndSet(null))) {
        ctx.close();
      }
      if (cb == null) {
        ReferenceCountUtil.release(msg);
        ctx.close();
      } else {
        cb.content((HttpContent) msg);
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      Callback cb = ctx.channel().attr(CALLBACK).get();
      if (cb != null) {
        cb.writabilityChanged(ctx.channel());
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Callback cb = ctx.channel().attr(CALLBACK).getAndSet(null);
      if (cb != null) {
        cb.failure(
            new java.io.IOException(
                "the backend closed the connection before its response was complete"));
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Callback cb = ctx.channel().attr(CALLBACK).getAndSet(null);
      ctx.close();
      if (cb != null) {
        cb.failure(cause);
      }
    }
  }
}
