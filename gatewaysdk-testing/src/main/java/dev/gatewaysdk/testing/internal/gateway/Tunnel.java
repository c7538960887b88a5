package dev.gatewaysdk.testing.internal.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Upgrades (WebSocket): the upgrade request goes to the backend on a connection of its own (over
 * TLS when a BackendTLSPolicy applies: {@code kubernetes.io/wss}); on {@code 101 Switching
 * Protocols} both connections drop their HTTP handlers, keeping TLS, and bytes are relayed as they
 * are, each side reading only once the other has written (back-pressure).
 */
final class Tunnel {
  private Tunnel() {}

  /**
   * Sends {@code upgrade} to {@code endpoint}, over TLS as {@code tls} asks when not null; {@code
   * done} gets, once, the backend's response (released by the caller) when it is not a 101, or null
   * once the tunnel is up, or the failure.
   */
  static void open(
      Channel client,
      FullHttpRequest upgrade,
      InetSocketAddress endpoint,
      RouteTable.BackendTls tls,
      Consumer<Object> done) {
    new Bootstrap()
        .group(client.eventLoop())
        .channel(Transport.socketChannel())
        .option(ChannelOption.AUTO_READ, true)
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                if (tls != null) {
                  BackendPool.addTls(ch, tls, endpoint);
                }
                ch.pipeline()
                    .addLast(
                        new HttpClientCodec(),
                        new HttpObjectAggregator(65536),
                        new SimpleChannelInboundHandler<FullHttpResponse>(false) {
                          private boolean answered;

                          @Override
                          protected void channelRead0(
                              ChannelHandlerContext ctx, FullHttpResponse resp) {
                            answered = true;
                            if (resp.status().code()
                                != HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                              ctx.close();
                              done.accept(resp);
                              return;
                            }
                            Channel backend = ctx.channel();
                            FullHttpResponse copy =
                                new DefaultFullHttpResponse(
                                    resp.protocolVersion(),
                                    resp.status(),
                                    Unpooled.EMPTY_BUFFER,
                                    resp.headers(),
                                    resp.trailingHeaders());
                            resp.release();
                            // Same event loop: the 101 is encoded by the client's HTTP codec now,
                            // before it is removed.
                            client
                                .writeAndFlush(copy)
                                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                            splice(client, backend);
                            done.accept(null);
                          }

                          @Override
                          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                            ctx.close();
                            if (!answered) {
                              answered = true;
                              done.accept(cause);
                            }
                          }

                          @Override
                          public void channelInactive(ChannelHandlerContext ctx) {
                            // closed before answering: reset, or a refused TLS certificate
                            if (!answered) {
                              answered = true;
                              done.accept(
                                  new java.io.IOException(
                                      "the backend closed the connection before answering the"
                                          + " upgrade"));
                            }
                          }
                        });
              }
            })
        .connect(endpoint)
        .addListener(
            (ChannelFutureListener)
                f -> {
                  if (!f.isSuccess()) {
                    upgrade.release();
                    done.accept(f.cause());
                  } else {
                    f.channel().writeAndFlush(upgrade);
                  }
                });
  }

  /** Replaces every handler of both pipelines by a relay to the other side. */
  static void splice(Channel client, Channel backend) {
    Relay toBackend = new Relay(backend);
    Relay toClient = new Relay(client);
    replaceAll(client.pipeline(), toBackend);
    replaceAll(backend.pipeline(), toClient);
    client.config().setAutoRead(false);
    backend.config().setAutoRead(false);
    client.read();
    backend.read();
  }

  private static void replaceAll(ChannelPipeline p, ChannelHandler relay) {
    // The relay goes last: bytes a decoder still buffers are passed on to it when the decoder is
    // removed. TLS stays: a terminated client connection or a TLS backend carries the tunnel.
    p.addLast("tunnel", relay);
    for (Map.Entry<String, ChannelHandler> h : new ArrayList<>(p.toMap().entrySet())) {
      if (!h.getKey().equals("tunnel") && !(h.getValue() instanceof SslHandler)) {
        p.remove(h.getKey());
      }
    }
  }

  private static final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel peer;

    Relay(Channel peer) {
      this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!peer.isActive()) {
        ReferenceCountUtil.release(msg);
        ctx.close();
        return;
      }
      peer.writeAndFlush(msg)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      ctx.channel().read();
                    } else {
                      f.channel().close();
                      ctx.close();
                    }
                  });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (peer.isActive()) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
