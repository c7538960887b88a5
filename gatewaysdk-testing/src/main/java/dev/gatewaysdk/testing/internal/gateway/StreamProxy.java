package dev.gatewaysdk.testing.internal.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP and UDP listeners (TCPRoute, UDPRoute): each connection, or each client address for UDP, goes
 * to one endpoint of a backend of the attached route's rule, chosen by weight when it starts; bytes
 * are relayed as they are. A listener without a route, or whose backend has no endpoints, refuses
 * (closes) the connection or drops the datagram.
 */
final class StreamProxy {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProxy.class);

  private StreamProxy() {}

  /**
   * The backend endpoint a new connection or UDP session of socket {@code key} goes to, or null.
   */
  static InetSocketAddress pick(RouteTable table, String key) {
    RouteTable.PortConfig port = table.ports().get(key);
    if (port == null || port.listeners().isEmpty() || port.listeners().get(0).entries().isEmpty()) {
      return null;
    }
    RouteTable.Backend b = pick(port.listeners().get(0).entries().get(0));
    return b == null ? null : b.endpoint();
  }

  /**
   * The backend of a TLS connection asking for {@code sni}: the most specific listener of socket
   * {@code key} whose hostname matches, then its TLSRoute entry with the most specific matching
   * hostname; null when none takes it.
   */
  static RouteTable.Backend pick(RouteTable table, String key, String sni) {
    RouteTable.PortConfig port = table.ports().get(key);
    if (port == null || sni == null) {
      return null;
    }
    String host = sni.toLowerCase(java.util.Locale.ROOT);
    RouteTable.ListenerConfig listener = port.listener(host);
    return listener == null ? null : pick(listener, host);
  }

  /**
   * The backend of a TLS connection to {@code listener} asking for {@code host} (lower case): its
   * TLSRoute entry with the most specific matching hostname; null when none takes it.
   */
  private static RouteTable.Backend pick(RouteTable.ListenerConfig listener, String host) {
    RouteTable.Entry best = null;
    for (RouteTable.Entry e : listener.entries()) {
      if (Hostnames.matches(e.hostname, host)
          && (best == null
              || Hostnames.specificity(e.hostname) > Hostnames.specificity(best.hostname))) {
        best = e;
      }
    }
    return best == null ? null : pick(best);
  }

  private static RouteTable.Backend pick(RouteTable.Entry entry) {
    int i = entry.rule.pick();
    if (i < 0 || entry.rule.backends.get(i).errorStatus() != 0) {
      if (entry.requests.length > 0) {
        entry.requests[i < 0 ? entry.requests.length - 1 : i].inc(
            i < 0 ? 500 : entry.rule.backends.get(i).errorStatus());
      }
      return null;
    }
    entry.requests[i].inc(200);
    return entry.rule.backends.get(i);
  }

  /**
   * TLS listeners (TLSRoute): reads the ClientHello's server name, then by the listener it picks
   * (the most specific whose hostname matches): <b>Passthrough</b> connects to the backend the name
   * routes to and relays every byte, the ClientHello first, unchanged; <b>Terminate</b> completes
   * the handshake with that listener's certificate, then relays the decrypted stream to the backend
   * the name routes to. A name no listener or route takes, or no server name, closes the
   * connection.
   */
  static final class Tls extends io.netty.handler.ssl.AbstractSniHandler<Object> {
    private final Supplier<RouteTable> table;
    private final String key;

    Tls(Supplier<RouteTable> table, String key) {
      this.table = table;
      this.key = key;
    }

    /** Succeeds with the listener's SslContext to terminate, or the backend Channel to relay to. */
    @Override
    protected Future<Object> lookup(ChannelHandlerContext ctx, String hostname) {
      Promise<Object> result = ctx.executor().newPromise();
      RouteTable.PortConfig port = table.get().ports().get(key);
      String host = hostname == null ? null : hostname.toLowerCase(java.util.Locale.ROOT);
      RouteTable.ListenerConfig listener =
          port == null || host == null ? null : port.listener(host);
      if (listener != null && listener.tls() != null) {
        return result.setSuccess(listener.tls());
      }
      RouteTable.Backend backend = listener == null ? null : pick(listener, host);
      if (backend == null) {
        return result.setFailure(new java.io.IOException("no TLSRoute takes " + hostname));
      }
      connectBackend(ctx.channel(), backend.endpoint(), null)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      result.setSuccess(f.channel());
                    } else {
                      result.setFailure(f.cause());
                    }
                  });
      return result;
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, String hostname, Future<Object> f) {
      if (!f.isSuccess()) {
        LOG.debug("TLS listener {} for {}: {}", key, hostname, f.cause().toString());
        ctx.close();
      } else if (f.getNow() instanceof io.netty.handler.ssl.SslContext tls) {
        // The buffered ClientHello goes to the SslHandler taking this handler's place.
        ctx.pipeline().addAfter(ctx.name(), null, new Terminated(table, key, hostname));
        ctx.pipeline().replace(this, "tls", tls.newHandler(ctx.alloc()));
      } else if (!ctx.channel().isActive()) {
        ((Channel) f.getNow()).close();
      } else {
        Tunnel.splice(ctx.channel(), (Channel) f.getNow()); // the ClientHello goes first
      }
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
      LOG.debug("TLS listener {}: {}", key, cause.toString());
      ctx.close();
    }
  }

  /**
   * After a TLS listener's handshake: connects to the backend the server name routes to, then
   * relays the decrypted stream (bytes read before the backend is connected go first).
   */
  private static final class Terminated extends ChannelInboundHandlerAdapter {
    private final Supplier<RouteTable> table;
    private final String key;
    private final String sni;
    private final java.util.ArrayDeque<Object> early = new java.util.ArrayDeque<>();

    Terminated(Supplier<RouteTable> table, String key, String sni) {
      this.table = table;
      this.key = key;
      this.sni = sni;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done) {
        if (!done.isSuccess()) {
          LOG.debug("TLS handshake on {} for {} failed: {}", key, sni, done.cause().toString());
          ctx.close();
          return;
        }
        Channel client = ctx.channel();
        client.config().setAutoRead(false);
        RouteTable.Backend backend = pick(table.get(), key, sni);
        if (backend == null) {
          client.close();
          return;
        }
        InetSocketAddress endpoint = backend.endpoint();
        // A BackendTLSPolicy on the backend: TLS again to it, verified as the policy says.
        connectBackend(client, endpoint, backend.tls())
            .addListener(
                (ChannelFutureListener)
                    f -> {
                      if (!f.isSuccess()) {
                        LOG.debug("TLS backend {} refused: {}", endpoint, f.cause().toString());
                        client.close();
                      } else if (!client.isActive()) {
                        f.channel().close();
                      } else if (backend.tls() == null) {
                        relay(client, f.channel());
                      } else {
                        relayAfterHandshake(client, f.channel());
                      }
                    });
      } else if (evt instanceof IdleStateEvent) {
        ctx.close();
      } else {
        ctx.fireUserEventTriggered(evt);
      }
    }

    private void relay(Channel client, Channel backend) {
      for (Object m; (m = early.poll()) != null; ) {
        backend.write(m);
      }
      backend.flush();
      Tunnel.splice(client, backend);
    }

    /**
     * Relays once the backend's certificate passed the policy's checks (the handshake, then the
     * subjectAltNames check, which passes the completion event on only when it holds); a refused
     * certificate closes both connections.
     */
    private void relayAfterHandshake(Channel client, Channel backend) {
      boolean[] relayed = {false};
      backend
          .closeFuture()
          .addListener(
              c -> {
                if (!relayed[0]) {
                  LOG.debug("TLS backend {} of {} refused", backend.remoteAddress(), key);
                  client.close();
                }
              });
      backend
          .pipeline()
          .addLast(
              new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                  if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done) {
                    if (done.isSuccess() && client.isActive()) {
                      relayed[0] = true;
                      relay(client, backend);
                    } else {
                      ctx.close();
                    }
                  }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                  ctx.close();
                }
              });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      early.add(msg); // decrypted bytes that arrived with the handshake's last flight
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      for (Object m; (m = early.poll()) != null; ) {
        io.netty.util.ReferenceCountUtil.release(m);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("TLS listener {} for {}: {}", key, sni, cause.toString());
      ctx.close();
    }
  }

  /**
   * A connection to {@code endpoint} on {@code client}'s event loop, not reading until spliced;
   * over TLS as {@code tls} asks when not null.
   */
  private static io.netty.channel.ChannelFuture connectBackend(
      Channel client, InetSocketAddress endpoint, RouteTable.BackendTls tls) {
    return new Bootstrap()
        .group(client.eventLoop())
        .channel(Transport.socketChannel())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(
            tls == null
                ? new ChannelInboundHandlerAdapter()
                : new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    BackendPool.addTls(ch, tls, endpoint);
                  }
                })
        .connect(endpoint);
  }

  /** Relays each accepted TCP connection to a backend endpoint. */
  static final class Tcp extends ChannelInboundHandlerAdapter {
    private final Supplier<RouteTable> table;
    private final String key;

    Tcp(Supplier<RouteTable> table, String key) {
      this.table = table;
      this.key = key;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel client = ctx.channel();
      client.config().setAutoRead(false);
      InetSocketAddress endpoint = pick(table.get(), key);
      if (endpoint == null) {
        refuse(client);
        return;
      }
      connectBackend(client, endpoint, null)
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (!f.isSuccess()) {
                      LOG.debug("TCP backend {} refused: {}", endpoint, f.cause().toString());
                      refuse(client);
                    } else if (!client.isActive()) {
                      f.channel().close();
                    } else {
                      Tunnel.splice(client, f.channel());
                    }
                  });
    }

    /**
     * Ends a connection no backend takes with a FIN rather than a reset: closing a socket with
     * unread bytes (the client may have written already) resets it, so the output is shut down
     * first, whatever the client still sends is discarded, and the connection closes when the
     * client closes its side (or idles out).
     */
    private static void refuse(Channel client) {
      if (!(client instanceof io.netty.channel.socket.SocketChannel) || !client.isActive()) {
        client.close();
        return;
      }
      client
          .pipeline()
          .addLast(
              new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  io.netty.util.ReferenceCountUtil.release(msg);
                }
              });
      ((io.netty.channel.socket.SocketChannel) client)
          .shutdownOutput()
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (!f.isSuccess()) {
                      client.close();
                    } else {
                      client.config().setAutoRead(true);
                    }
                  });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof IdleStateEvent) {
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /**
   * Relays datagrams: each client address gets a session, a socket of its own towards one backend
   * endpoint; datagrams the backend sends to it go back to the client from the listener's address.
   * Sessions end after {@code idleTimeout} without traffic.
   */
  static final class Udp extends SimpleChannelInboundHandler<DatagramPacket> {
    private final Supplier<RouteTable> table;
    private final String key;
    private final Duration idleTimeout;

    /** Sessions by client address; touched only on the listener's event loop. */
    private final Map<InetSocketAddress, Future<Channel>> sessions = new HashMap<>();

    Udp(Supplier<RouteTable> table, String key, Duration idleTimeout) {
      this.table = table;
      this.key = key;
      this.idleTimeout = idleTimeout;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      InetSocketAddress client = packet.sender();
      Future<Channel> session = sessions.get(client);
      if (session == null) {
        InetSocketAddress endpoint = pick(table.get(), key);
        if (endpoint == null) {
          return; // no route or no endpoints: the datagram is dropped
        }
        session = open(ctx.channel(), client, endpoint);
        sessions.put(client, session);
      }
      DatagramPacket copy = packet.retainedDuplicate();
      session.addListener(
          (Future<Channel> f) -> {
            if (f.isSuccess()) {
              Channel s = f.getNow();
              s.writeAndFlush(new DatagramPacket(copy.content(), s.attr(ENDPOINT).get()));
            } else {
              copy.release();
            }
          });
    }

    private static final io.netty.util.AttributeKey<InetSocketAddress> ENDPOINT =
        io.netty.util.AttributeKey.valueOf("gatewaysdk.udp.endpoint");

    private Future<Channel> open(
        Channel listener, InetSocketAddress client, InetSocketAddress endpoint) {
      Promise<Channel> p = listener.eventLoop().newPromise();
      new Bootstrap()
          .group(listener.eventLoop())
          .channel(Transport.datagramChannel())
          .handler(
              new ChannelInitializer<Channel>() {
                @Override
                protected void initChannel(Channel ch) {
                  ch.attr(ENDPOINT).set(endpoint);
                  ch.pipeline()
                      .addLast(
                          new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                          new SimpleChannelInboundHandler<DatagramPacket>() {
                            @Override
                            protected void channelRead0(
                                ChannelHandlerContext ctx, DatagramPacket reply) {
                              if (listener.isActive()) {
                                listener.writeAndFlush(
                                    new DatagramPacket(reply.content().retain(), client));
                              }
                            }

                            @Override
                            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                              if (evt instanceof IdleStateEvent) {
                                ctx.close();
                              }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                              sessions.remove(client);
                            }
                          });
                }
              })
          .bind(new InetSocketAddress(endpoint.getAddress(), 0))
          .addListener(
              (ChannelFutureListener)
                  f -> {
                    if (f.isSuccess()) {
                      p.setSuccess(f.channel());
                    } else {
                      sessions.remove(client);
                      p.setFailure(f.cause());
                    }
                  });
      return p;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      for (Future<Channel> s : sessions.values()) {
        s.addListener(
            (Future<Channel> f) -> {
              if (f.isSuccess()) {
                f.getNow().close();
              }
            });
      }
      sessions.clear();
    }
  }
}
