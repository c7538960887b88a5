package dev.gatewaysdk.testing.internal.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keep-alive HTTP/1.1 connections to backend endpoints, pooled per event loop so that a client connection and
 * the backend connections it uses share one thread (no locks, no hand-over). Each pooled connection carries
 * at most one request at a time.
 */
final class BackendPool {
  /** Called with the backend's complete response, or with the failure (connect, reset, malformed). */
  interface Callback {
    void response(FullHttpResponse response);

    void failure(Throwable cause);
  }

  static final AttributeKey<Callback> CALLBACK = AttributeKey.valueOf("gatewaysdk.backend.callback");
  private static final int MAX_IDLE_PER_ENDPOINT = 64;

  private final int maxContentLength;
  private final Duration connectTimeout;
  private final Map<EventLoop, Map<InetSocketAddress, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();
  private final H2Connections h2;

  BackendPool(int maxContentLength, Duration connectTimeout) {
    this.maxContentLength = maxContentLength;
    this.connectTimeout = connectTimeout;
    this.h2 = new H2Connections(maxContentLength, connectTimeout, new ResponseHandler());
  }

  /**
   * A channel to send one request to {@code endpoint} on: a stream of a cleartext HTTP/2 connection when
   * {@code h2c}, else a pooled HTTP/1.1 connection. Call on {@code loop}.
   */
  Future<Channel> acquire(EventLoop loop, InetSocketAddress endpoint, boolean h2c) {
    return h2c ? h2.acquire(loop, endpoint) : acquire(loop, endpoint);
  }

  /** A connection to {@code endpoint} on {@code loop}: an idle pooled one, else a new one. Call on {@code loop}. */
  Future<Channel> acquire(EventLoop loop, InetSocketAddress endpoint) {
    ArrayDeque<Channel> q = idle.computeIfAbsent(loop, l -> new HashMap<>()).get(endpoint);
    while (q != null && !q.isEmpty()) {
      Channel c = q.pollLast();
      if (c.isActive()) {
        return loop.newSucceededFuture(c);
      }
    }
    return connect(loop, endpoint, connectTimeout, new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast(new HttpClientCodec(8192, 65536, 8192), new HttpObjectAggregator(maxContentLength),
            new ResponseHandler());
      }
    });
  }

  /** A new TCP connection to {@code endpoint} on {@code loop}, its pipeline set up by {@code init}. */
  static Future<Channel> connect(EventLoop loop, InetSocketAddress endpoint, Duration connectTimeout,
      io.netty.channel.ChannelHandler init) {
    Promise<Channel> p = loop.newPromise();
    new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(init)
        .connect(endpoint).addListener(f -> {
          if (f.isSuccess()) {
            p.setSuccess(((io.netty.channel.ChannelFuture) f).channel());
          } else {
            p.setFailure(f.cause());
          }
        });
    return p;
  }

  /** Returns a connection whose last response was complete and keep-alive. Call on its event loop. */
  void release(Channel c, InetSocketAddress endpoint) {
    if (H2Connections.isStream(c)) {
      c.close(); // its response is complete: the stream is done
      return;
    }
    if (!c.isActive()) {
      return;
    }
    ArrayDeque<Channel> q = idle.computeIfAbsent(c.eventLoop(), l -> new HashMap<>())
        .computeIfAbsent(endpoint, e -> new ArrayDeque<>());
    if (q.size() >= MAX_IDLE_PER_ENDPOINT) {
      c.close();
    } else {
      q.addLast(c);
    }
  }

  @io.netty.channel.ChannelHandler.Sharable
  private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
      Callback cb = ctx.channel().attr(CALLBACK).getAndSet(null);
      if (msg.decoderResult().isFailure()) {
        ctx.close();
        if (cb != null) {
          cb.failure(msg.decoderResult().cause());
        }
        return;
      }
      if (!HttpUtil.isKeepAlive(msg)) {
        ctx.close();
      }
      if (cb != null) {
        cb.response(msg.retain());
      } else {
        ctx.close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Callback cb = ctx.channel().attr(CALLBACK).getAndSet(null);
      if (cb != null) {
        cb.failure(new java.io.IOException("the backend closed the connection before responding"));
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
