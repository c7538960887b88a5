package dev.gatewaysdk.testing.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.testing.internal.controller.DataPlaneHook;
import dev.gatewaysdk.testing.internal.controller.Reconciler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Gateway's data plane: each programmed Gateway of the controller gets a loopback
 * address of its own and a socket per listener port on it; requests are routed by the {@link
 * RouteTable} compiled from the cluster, swapped atomically per change. Metrics are served at
 * {@code http://127.0.0.1:<port>/metrics}. Thread-safe; {@link #apply} runs on the controller's
 * thread.
 */
public final class DataPlane implements DataPlaneHook {
  private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

  /** Options; immutable. */
  public static final class Options {
    final int firstAddress;
    final int addressCount;
    final int portOffset;
    final int metricsPort;
    final Duration defaultTimeout;
    final Duration idleTimeout;
    final Duration readTimeout;

    /**
     * @param addressRange an IPv4 CIDR inside 127.0.0.0/8 Gateways get their addresses from
     * @param portOffset added to every listener port when binding (0: the listener's own port)
     * @param metricsPort the metrics endpoint's port on 127.0.0.1 (0: any free port)
     * @param defaultTimeout a request's timeout when its rule sets none (zero: none)
     * @param idleTimeout how long a client connection may stay without traffic
     * @param readTimeout how long a client may take to send a request's head, or between two reads
     *     of its body, before it gets 408 (see {@link ClientReadTimeout}, {@link Http2ReadTimeout})
     * @throws IllegalArgumentException if the range is not a loopback CIDR or the offset not in
     *     -65535..65535
     */
    public Options(
        String addressRange,
        int portOffset,
        int metricsPort,
        Duration defaultTimeout,
        Duration idleTimeout,
        Duration readTimeout) {
      String[] parts = addressRange.split("/");
      int bits;
      byte[] a;
      try {
        bits = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        a = InetAddress.getByName(parts[0]).getAddress();
      } catch (NumberFormatException | UnknownHostException e) {
        throw new IllegalArgumentException(
            "addressRange must be an IPv4 CIDR such as 127.128.0.0/9: " + addressRange, e);
      }
      if (a.length != 4 || (a[0] & 0xff) != 127 || bits < 8 || bits > 32) {
        throw new IllegalArgumentException(
            "addressRange must be a CIDR inside 127.0.0.0/8: " + addressRange);
      }
      if (portOffset < -65535 || portOffset > 65535) {
        throw new IllegalArgumentException("portOffset must be -65535..65535: " + portOffset);
      }
      int base =
          ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
      int mask = bits == 32 ? -1 : ~((1 << (32 - bits)) - 1);
      this.firstAddress = base & mask;
      this.addressCount = bits == 32 ? 1 : 1 << (32 - bits);
      this.portOffset = portOffset;
      this.metricsPort = metricsPort;
      this.defaultTimeout = defaultTimeout;
      this.idleTimeout = idleTimeout;
      this.readTimeout = readTimeout;
    }
  }

  private final String controllerName;
  private final Predicate<ObjectNode> skip;
  private final Options options;
  private final EventLoopGroup group;
  private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.EMPTY);
  private final Metrics metrics = new Metrics();
  private final HttpProxy.Shared shared;

  /** Bound sockets by socket key; touched only on the controller thread. */
  private final Map<String, Channel> sockets = new HashMap<>();

  private final Map<String, String> bindFailures = new HashMap<>();

  /** Allocated addresses by Gateway uid. */
  private final Map<String, String> allocated = new HashMap<>();

  private int nextAddress;
  private final Channel metricsChannel;
  private final java.util.function.BiConsumer<String, String> onProgrammed;

  /** Gateways announced to {@code onProgrammed}, with the address announced. */
  private final Map<String, String> announced = new HashMap<>();

  /**
   * @param onProgrammed called with (namespace, name) on the controller thread when a Gateway first
   *     listens on an address (again after its address changes)
   */
  public DataPlane(
      String controllerName,
      Predicate<ObjectNode> skip,
      Options options,
      java.util.function.BiConsumer<String, String> onProgrammed) {
    this.onProgrammed = onProgrammed;
    this.controllerName = controllerName;
    this.skip = skip;
    this.options = options;
    this.group =
        new MultiThreadIoEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            r -> {
              // A FastThreadLocalThread, as Netty's own thread factory makes: on a plain Thread,
              // Netty's recyclers and per-thread allocator caches fall back to slow shared paths.
              Thread t =
                  new io.netty.util.concurrent.FastThreadLocalThread(r, "gatewaysdk-gateway");
              t.setDaemon(true);
              return t;
            },
            Transport.ioHandlerFactory());
    this.shared =
        new HttpProxy.Shared(
            table::get, new BackendPool(Duration.ofSeconds(5)), metrics, options.defaultTimeout);
    // Start at a random address of the range so that data planes of other JVMs on this machine
    // rarely collide.
    this.nextAddress =
        options.addressCount <= 2 ? 0 : ThreadLocalRandom.current().nextInt(options.addressCount);
    this.metricsChannel =
        serve(new InetSocketAddress("127.0.0.1", options.metricsPort), new MetricsInitializer());
  }

  /** The metrics endpoint, {@code http://127.0.0.1:<port>/metrics}. */
  public String metricsUrl() {
    return "http://127.0.0.1:"
        + ((InetSocketAddress) metricsChannel.localAddress()).getPort()
        + "/metrics";
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return metrics.scrape();
  }

  /** The port a listener port is bound on. */
  public int boundPort(int listenerPort) {
    return listenerPort + options.portOffset;
  }

  /** The address of Gateway {@code namespace/name}, or null if it has none (yet). */
  public String address(String namespace, String name) {
    RouteTable.GatewayConfig g = table.get().gateways().get(namespace + "/" + name);
    return g == null ? null : g.address();
  }

  /**
   * Listener name to its port in the Gateway's spec, for the HTTP listeners served; empty if none.
   */
  public Map<String, Integer> listenerPorts(String namespace, String name) {
    RouteTable.GatewayConfig g = table.get().gateways().get(namespace + "/" + name);
    return g == null ? Map.of() : g.listenerPorts();
  }

  /**
   * {@code https} for a listener of Gateway {@code namespace/name} terminating TLS, else {@code
   * http}.
   */
  public String scheme(String namespace, String name, String listener) {
    for (RouteTable.PortConfig p : table.get().ports().values()) {
      if (p.gatewayNamespace().equals(namespace) && p.gatewayName().equals(name)) {
        for (RouteTable.ListenerConfig l : p.listeners()) {
          if (l.name().equals(listener)) {
            return "HTTPS".equals(l.protocol()) ? "https" : "http";
          }
        }
      }
    }
    return "http";
  }

  @Override
  public List<String[]> kinds() {
    List<String[]> kinds = new java.util.ArrayList<>();
    kinds.add(new String[] {"discovery.k8s.io/v1", "EndpointSlice"});
    return kinds;
  }

  @Override
  public Map<String, DataPlaneHook.Binding> apply(Reconciler.Snapshot s) {
    Set<String> liveUids = new HashSet<>();
    RouteTable next =
        Compiler.compile(
            s,
            controllerName,
            skip,
            metrics,
            gw -> {
              liveUids.add(gw.path("metadata").path("uid").asText());
              return address(gw);
            },
            options.portOffset);
    allocated.keySet().retainAll(liveUids);
    // Bind new sockets before publishing the table that routes through them; close old ones after.
    for (String key : next.ports().keySet()) {
      if (!sockets.containsKey(key)) {
        bind(key, next.ports().get(key).listeners().get(0).protocol());
      }
    }
    table.set(next);
    for (String key : List.copyOf(sockets.keySet())) {
      if (!next.ports().containsKey(key)) {
        sockets.remove(key).close();
        LOG.debug("closed listener socket {}", key);
      }
    }
    bindFailures.keySet().retainAll(next.ports().keySet());
    Map<String, DataPlaneHook.Binding> out = new LinkedHashMap<>();
    for (RouteTable.GatewayConfig g : next.gateways().values()) {
      Map<String, String> bound = new LinkedHashMap<>();
      Map<String, String> problems = new LinkedHashMap<>();
      if (g.address() != null) {
        for (Map.Entry<String, Integer> l : g.listenerPorts().entrySet()) {
          String key = RouteTable.socketKey(g.address(), l.getValue() + options.portOffset);
          String problem = bindFailures.get(key);
          if (problem != null) {
            problems.put(l.getKey(), problem);
          } else if (sockets.containsKey(key)) {
            bound.put(l.getKey(), key);
          }
        }
      }
      out.put(
          g.namespace() + "/" + g.name(),
          new DataPlaneHook.Binding(g.address(), g.addressProblem(), bound, problems));
      String key = g.namespace() + "/" + g.name();
      if (!bound.isEmpty() && !g.address().equals(announced.get(key))) {
        announced.put(key, g.address());
        try {
          onProgrammed.accept(g.namespace(), g.name());
        } catch (RuntimeException e) {
          LOG.warn("onProgrammed callback failed for Gateway {}", key, e);
        }
      }
    }
    announced.keySet().retainAll(out.keySet());
    return out;
  }

  private void bind(String key, String protocol) {
    int colon = key.lastIndexOf(':');
    String address = key.substring(0, colon);
    int port = Integer.parseInt(key.substring(colon + 1));
    if (port < 1 || port > 65535) {
      bindFailures.put(
          key,
          "cannot listen on "
              + key
              + ": port out of range (portOffset "
              + options.portOffset
              + ")");
      return;
    }
    try {
      InetSocketAddress at = new InetSocketAddress(address, port);
      sockets.put(
          key,
          "UDP".equals(protocol)
              ? serveUdp(at, key)
              : serve(
                  at,
                  "TCP".equals(protocol)
                      ? new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                          ch.pipeline()
                              .addLast(
                                  new IdleStateHandler(
                                      0, 0, options.idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
                                  new StreamProxy.Tcp(table::get, key));
                        }
                      }
                      : "HTTPS".equals(protocol)
                          ? new TlsProxyInitializer(key)
                          : "TLS".equals(protocol)
                              ? new ChannelInitializer<SocketChannel>() {
                                @Override
                                protected void initChannel(SocketChannel ch) {
                                  ch.pipeline()
                                      .addLast(
                                          new IdleStateHandler(
                                              0,
                                              0,
                                              options.idleTimeout.toMillis(),
                                              TimeUnit.MILLISECONDS),
                                          new StreamProxy.Tls(table::get, key));
                                }
                              }
                              : new ProxyInitializer(key)));
      bindFailures.remove(key);
      LOG.debug("listening on {}", key);
    } catch (RuntimeException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      bindFailures.put(key, "cannot listen on " + key + ": " + why);
      LOG.debug("cannot listen on {}: {}", key, why);
    }
  }

  private Channel serve(InetSocketAddress address, ChannelInitializer<SocketChannel> init) {
    try {
      return new ServerBootstrap()
          .group(group)
          .channel(Transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(init)
          .bind(address)
          .sync()
          .channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + address, e);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private Channel serveUdp(InetSocketAddress address, String key) {
    try {
      return new io.netty.bootstrap.Bootstrap()
          .group(group)
          .channel(Transport.datagramChannel())
          .handler(new StreamProxy.Udp(table::get, key, options.idleTimeout))
          .bind(address)
          .sync()
          .channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding " + address, e);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** {address, problem} for a Gateway: a requested loopback address, else one from the range. */
  private String[] address(ObjectNode gw) {
    for (JsonNode a : gw.path("spec").path("addresses")) {
      String type = a.path("type").asText("IPAddress");
      String value = a.path("value").asText("");
      if ("IPAddress".equals(type) && value.isEmpty()) {
        continue; // "any IP address": one from the range
      }
      if ("IPAddress".equals(type) && value.startsWith("127.")) {
        return new String[] {value, null};
      }
      return new String[] {
        null, "the embedded Gateway listens on loopback only and cannot use " + type + " " + value
      };
    }
    String uid = gw.path("metadata").path("uid").asText(gw.path("metadata").path("name").asText());
    String a = allocated.get(uid);
    if (a == null) {
      Set<String> used = new HashSet<>(allocated.values());
      for (int i = 0; i < options.addressCount && a == null; i++) {
        int host = nextAddress++ % options.addressCount;
        int ip = options.firstAddress + host;
        String candidate =
            ((ip >>> 24) & 0xff)
                + "."
                + ((ip >>> 16) & 0xff)
                + "."
                + ((ip >>> 8) & 0xff)
                + "."
                + (ip & 0xff);
        // skip network-style addresses (x.y.z.0, x.y.z.255) in ranges wider than one address
        if (!used.contains(candidate)
            && (options.addressCount == 1 || ((ip & 0xff) != 0 && (ip & 0xff) != 255))) {
          a = candidate;
        }
      }
      if (a == null) {
        return new String[] {null, "the address range is exhausted"};
      }
      allocated.put(uid, a);
    }
    return new String[] {a, null};
  }

  @Override
  public void close() {
    for (Channel c : sockets.values()) {
      c.close();
    }
    sockets.clear();
    metricsChannel.close();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  private final class ProxyInitializer extends ChannelInitializer<SocketChannel> {
    private final String key;

    ProxyInitializer(String key) {
      this.key = key;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
      // HTTP/1.1, or h2c (prior knowledge or an Upgrade: h2c request): each HTTP/2 stream becomes a
      // child channel with the same HTTP/1-object pipeline, so routing and proxying are written
      // once.
      HttpServerCodec codec = new HttpServerCodec(8192, 16384, SingleChunkMessages.CHUNK_SIZE);
      Http2ReadTimeout h2Timeout = new Http2ReadTimeout(options.readTimeout);
      ChannelInitializer<Channel> stream = streams(key, h2Timeout);
      HttpServerUpgradeHandler.UpgradeCodecFactory upgrades =
          protocol ->
              AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                  ? new Http2ServerUpgradeCodec(
                      Http2Limits.serverCodec(),
                      Http2Limits.connectionWindow(),
                      new Http2MultiplexHandler(stream))
                  : null;
      CleartextHttp2ServerUpgradeHandler cleartext =
          new CleartextHttp2ServerUpgradeHandler(
              codec,
              new HttpServerUpgradeHandler(codec, upgrades, 65536),
              new ChannelHandlerAdapter() {
                @Override
                public void handlerAdded(ChannelHandlerContext ctx) {
                  // HTTP/2 by prior knowledge: the frame codec takes this handler's place, before
                  // the HTTP/1.1 handlers (which then see nothing)
                  ctx.pipeline()
                      .addAfter(ctx.name(), "h2-frame-codec", Http2Limits.serverCodec())
                      .addAfter("h2-frame-codec", "h2-streams", new Http2MultiplexHandler(stream))
                      .addAfter("h2-frame-codec", null, Http2Limits.connectionWindow())
                      .remove(this);
                }
              });
      ClientReadTimeout readTimeout = new ClientReadTimeout(options.readTimeout);
      ch.pipeline()
          .addLast(
              new IdleStateHandler(0, 0, options.idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
              h2Timeout.connection(),
              cleartext);
      // The cleartext handler put the HTTP/1.1 codec right after itself; the byte side of the read
      // timeout goes between the two, where no byte of an h2c prior-knowledge connection passes.
      ch.pipeline().addAfter(ch.pipeline().context(cleartext).name(), null, readTimeout.bytes());
      ch.pipeline()
          .addLast(
              readTimeout.messages(),
              new HttpServerExpectContinueHandler(),
              new SingleChunkMessages(),
              new HttpProxy(shared, key));
    }
  }

  /**
   * HTTPS listeners: SNI picks the certificate of the most specific matching listener from the
   * current table (so a rotated Secret serves the next handshake), ALPN picks h2 or HTTP/1.1, then
   * the same routing as cleartext.
   */
  private final class TlsProxyInitializer extends ChannelInitializer<SocketChannel> {
    private final String key;

    TlsProxyInitializer(String key) {
      this.key = key;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
      io.netty.util.Mapping<String, io.netty.handler.ssl.SslContext> certificates =
          host -> {
            RouteTable.PortConfig port = table.get().ports().get(key);
            io.netty.handler.ssl.SslContext c = port == null ? null : port.tlsFor(host);
            if (c == null) {
              throw new IllegalStateException(
                  "no certificate for " + (host == null ? "a handshake without SNI" : host));
            }
            return c;
          };
      ch.pipeline()
          .addLast(
              new IdleStateHandler(0, 0, options.idleTimeout.toMillis(), TimeUnit.MILLISECONDS),
              new io.netty.handler.ssl.SniHandler(certificates),
              new io.netty.channel.ChannelInboundHandlerAdapter() {
                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                  // no certificate for the name asked, or a broken handshake: that connection ends,
                  // quietly
                  LOG.debug("TLS on {} refused: {}", key, cause.toString());
                  ctx.close();
                }
              },
              new io.netty.handler.ssl.ApplicationProtocolNegotiationHandler(
                  io.netty.handler.ssl.ApplicationProtocolNames.HTTP_1_1) {
                @Override
                protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                  if (io.netty.handler.ssl.ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    Http2ReadTimeout h2Timeout = new Http2ReadTimeout(options.readTimeout);
                    ctx.pipeline()
                        .addLast(
                            h2Timeout.connection(),
                            Http2Limits.serverCodec(),
                            Http2Limits.connectionWindow(),
                            new Http2MultiplexHandler(streams(key, h2Timeout)));
                  } else {
                    ClientReadTimeout readTimeout = new ClientReadTimeout(options.readTimeout);
                    ctx.pipeline()
                        .addLast(
                            readTimeout.bytes(),
                            new HttpServerCodec(8192, 16384, SingleChunkMessages.CHUNK_SIZE),
                            readTimeout.messages(),
                            new HttpServerExpectContinueHandler(),
                            new SingleChunkMessages(),
                            new HttpProxy(shared, key));
                  }
                }

                @Override
                protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                  LOG.debug("TLS handshake on {} failed: {}", key, cause.toString());
                  ctx.close();
                }
              });
    }
  }

  /**
   * Each HTTP/2 stream as a child channel with the HTTP/1-object pipeline, so routing and proxying
   * are written once: bodies stream through as on HTTP/1.1, with the stream's flow control as the
   * back-pressure (see {@link Http2Limits}).
   */
  private ChannelInitializer<Channel> streams(String key, Http2ReadTimeout readTimeout) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel child) {
        child
            .pipeline()
            .addLast(
                new Http2StreamFrameToHttpObjectCodec(true),
                readTimeout.stream(),
                new HttpServerExpectContinueHandler(),
                new SingleChunkMessages(),
                new HttpProxy(shared, key));
      }
    };
  }

  private final class MetricsInitializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) {
      ch.pipeline()
          .addLast(
              new HttpServerCodec(),
              new HttpObjectAggregator(65536),
              new SimpleChannelInboundHandler<FullHttpRequest>() {
                @Override
                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                  boolean ok = req.uri().equals("/metrics") || req.uri().startsWith("/metrics?");
                  FullHttpResponse r =
                      new DefaultFullHttpResponse(
                          req.protocolVersion(),
                          ok ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                          Unpooled.copiedBuffer(
                              ok ? metrics.scrape() : "not found\n", StandardCharsets.UTF_8));
                  r.headers()
                      .set(
                          HttpHeaderNames.CONTENT_TYPE,
                          ok ? "text/plain; version=0.0.4; charset=utf-8" : "text/plain");
                  HttpUtil.setContentLength(r, r.content().readableBytes());
                  boolean keepAlive = HttpUtil.isKeepAlive(req);
                  HttpUtil.setKeepAlive(r, keepAlive);
                  ctx.writeAndFlush(r)
                      .addListener(
                          keepAlive
                              ? ChannelFutureListener.CLOSE_ON_FAILURE
                              : ChannelFutureListener.CLOSE);
                }
              });
    }
  }
}
