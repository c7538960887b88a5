package dev.gatewaysdk.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gRPC over cleartext HTTP/2 with Netty's HTTP/2 codec, no gRPC library: a server answering every
 * unary call with one length-prefixed message {@code <name> <path> x-tag=<header> te=<te> <request
 * message>} and {@code grpc-status: 0} in the trailers (or, when the call carries {@code
 * x-grpc-status}, a trailers-only response with that status), and a client making one call on a
 * fresh connection.
 */
final class GrpcEcho implements AutoCloseable {
  static final EventLoopGroup GROUP =
      new MultiThreadIoEventLoopGroup(
          1,
          r -> {
            Thread t = new Thread(r, "grpc-echo");
            t.setDaemon(true);
            return t;
          },
          NioIoHandler.newFactory());

  final String name;
  final Channel server;
  final AtomicInteger calls = new AtomicInteger();

  GrpcEcho(String name) throws InterruptedException {
    this.name = name;
    this.server =
        Http2Peers.h2cServer(
            GROUP,
            stream ->
                stream.addLast(
                    new HttpObjectAggregator(1 << 20),
                    new SimpleChannelInboundHandler<FullHttpRequest>() {
                      @Override
                      protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                        calls.incrementAndGet();
                        String status = req.headers().get("x-grpc-status");
                        FullHttpResponse r;
                        if (status != null) {
                          r =
                              new DefaultFullHttpResponse(
                                  HttpVersion.HTTP_1_1,
                                  HttpResponseStatus.OK,
                                  Unpooled.EMPTY_BUFFER);
                          r.headers()
                              .set("grpc-status", status)
                              .set("grpc-message", "asked for " + status);
                        } else {
                          String answer =
                              name
                                  + " "
                                  + req.uri()
                                  + " x-tag="
                                  + req.headers().get("x-tag")
                                  + " te="
                                  + req.headers().get("te")
                                  + " "
                                  + unframe(req.content());
                          r =
                              new DefaultFullHttpResponse(
                                  HttpVersion.HTTP_1_1, HttpResponseStatus.OK, frame(answer));
                          r.trailingHeaders().set("grpc-status", "0");
                        }
                        r.headers().set("content-type", "application/grpc");
                        ctx.writeAndFlush(r);
                      }
                    }));
  }

  int port() {
    return ((java.net.InetSocketAddress) server.localAddress()).getPort();
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
  }

  /**
   * The outcome of a call: the HTTP status, the grpc-status (trailers, or headers of a
   * trailers-only answer), the message.
   */
  record Call(int httpStatus, String grpcStatus, String message, HttpHeaders headers) {}

  /** A unary call {@code path} to {@code host:port} with {@code :authority} {@code authority}. */
  static Call call(
      String host,
      int port,
      String authority,
      String path,
      Map<String, String> headers,
      String message)
      throws Exception {
    CompletableFuture<FullHttpResponse> result = new CompletableFuture<>();
    Channel conn = new Http2Peers.Client(host, port, false).conn;
    try {
      Http2StreamChannel stream =
          new Http2StreamChannelBootstrap(conn)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      ch.pipeline()
                          .addLast(
                              new Http2StreamFrameToHttpObjectCodec(false),
                              new HttpObjectAggregator(1 << 20),
                              new SimpleChannelInboundHandler<FullHttpResponse>() {
                                @Override
                                protected void channelRead0(
                                    ChannelHandlerContext ctx, FullHttpResponse r) {
                                  if (!result.complete(r.retainedDuplicate())) {
                                    r.release(); // the caller gave up waiting
                                  }
                                }

                                @Override
                                public void exceptionCaught(
                                    ChannelHandlerContext ctx, Throwable cause) {
                                  result.completeExceptionally(cause);
                                }
                              });
                    }
                  })
              .open()
              .sync()
              .getNow();
      FullHttpRequest req =
          new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, frame(message));
      req.headers()
          .set("host", authority)
          .set("content-type", "application/grpc")
          .set("te", "trailers");
      headers.forEach(req.headers()::set);
      stream.writeAndFlush(req).sync();
      FullHttpResponse r = result.get(10, TimeUnit.SECONDS);
      try {
        String grpcStatus = r.trailingHeaders().get("grpc-status", r.headers().get("grpc-status"));
        return new Call(
            r.status().code(),
            grpcStatus,
            // a gateway's own answer (a 404 for a call no route takes) is not a gRPC message
            r.content().isReadable()
                    && r.headers().get("content-type", "").startsWith("application/grpc")
                ? unframe(r.content())
                : "",
            new DefaultHttpHeaders().add(r.headers()));
      } finally {
        r.release(); // the copy handed over by the stream's handler
      }
    } finally {
      conn.close().sync();
    }
  }

  /** One gRPC length-prefixed message: not compressed, 4-byte big-endian length, the bytes. */
  static ByteBuf frame(String message) {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    return Unpooled.buffer(5 + b.length).writeByte(0).writeInt(b.length).writeBytes(b);
  }

  static String unframe(ByteBuf in) {
    if (in.readableBytes() < 5) {
      return "";
    }
    int length = in.getInt(in.readerIndex() + 1);
    return in.toString(in.readerIndex() + 5, length, StandardCharsets.UTF_8);
  }
}
