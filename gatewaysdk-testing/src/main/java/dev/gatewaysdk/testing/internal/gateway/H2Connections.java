package dev.gatewaysdk.testing.internal.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cleartext HTTP/2 (prior knowledge) connections to backends whose Service port says {@code
 * kubernetes.io/h2c} and to every GRPCRoute backend: one multiplexed connection per event loop and
 * endpoint, a new stream per request. A stream carries the same HTTP/1 objects as {@link
 * BackendPool}'s connections (trailers included, as gRPC needs), bodies larger than one chunk
 * streaming through with the stream's flow control as back-pressure ({@link Http2Limits}), so the
 * proxy sends and receives the same way on both.
 */
final class H2Connections {
  private final Duration connectTimeout;
  private final ChannelHandler responseHandler;

  /** Connections by event loop and endpoint; each map is touched only on its loop. */
  private final Map<EventLoop, Map<InetSocketAddress, Future<Channel>>> connections =
      new ConcurrentHashMap<>();

  H2Connections(Duration connectTimeout, ChannelHandler responseHandler) {
    this.connectTimeout = connectTimeout;
    this.responseHandler = responseHandler;
  }

  /**
   * A new stream to {@code endpoint} on {@code loop}'s connection (made on first use). Call on
   * {@code loop}.
   */
  Future<Channel> acquire(EventLoop loop, InetSocketAddress endpoint) {
    Map<InetSocketAddress, Future<Channel>> byEndpoint =
        connections.computeIfAbsent(loop, l -> new HashMap<>());
    Future<Channel> conn = byEndpoint.get(endpoint);
    if (conn == null || (conn.isDone() && (!conn.isSuccess() || !conn.getNow().isActive()))) {
      conn = connect(loop, endpoint);
      byEndpoint.put(endpoint, conn);
    }
    Promise<Channel> stream = loop.newPromise();
    conn.addListener(
        (Future<Channel> f) -> {
          if (!f.isSuccess()) {
            byEndpoint.remove(endpoint, f);
            stream.setFailure(f.cause());
            return;
          }
          new Http2StreamChannelBootstrap(f.getNow())
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      ch.pipeline()
                          .addLast(
                              new Http2StreamFrameToHttpObjectCodec(false),
                              new SingleChunkMessages(),
                              responseHandler);
                    }
                  })
              .open()
              .addListener(
                  (Future<Http2StreamChannel> s) -> {
                    if (s.isSuccess()) {
                      stream.setSuccess(s.getNow());
                    } else {
                      stream.setFailure(s.cause());
                    }
                  });
        });
    return stream;
  }

  private Future<Channel> connect(EventLoop loop, InetSocketAddress endpoint) {
    return BackendPool.connect(
        loop,
        endpoint,
        connectTimeout,
        new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            // The backend pushes nothing we want: streams it opens are refused by an empty handler.
            ch.pipeline()
                .addLast(
                    Http2Limits.clientCodec(),
                    Http2Limits.connectionWindow(),
                    new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
          }
        });
  }

  /** Whether {@code c} is a stream of these connections (released by closing it, never pooled). */
  static boolean isStream(Channel c) {
    return c instanceof Http2StreamChannel;
  }
}
