package dev.gatewaysdk.testing.internal.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client read timeout of HTTP/2, as {@link ClientReadTimeout} is HTTP/1.1's:
 *
 * <ul>
 *   <li>{@link #connection()}, first on a connection that may turn out HTTP/2: once its first byte
 *       arrives, the h2c preface and the first stream's headers must follow within the timeout,
 *       else the connection closes (without an answer: it never said which protocol it speaks). A
 *       connection that turns out HTTP/1.1 loses this handler at its first read.
 *   <li>{@link #stream()}, on each stream after the HTTP/2-to-HTTP/1 codec: once a request's
 *       headers have come, each read of its body must follow the previous one within the timeout
 *       (the clock stops while the Gateway itself holds the body back), else the stream gets {@code
 *       408 Request Timeout} and is reset with {@code NO_ERROR}, or, when its response has started,
 *       reset with {@code CANCEL}. The connection's other streams go on.
 * </ul>
 *
 * One instance per client connection; event loop only.
 */
final class Http2ReadTimeout {
  private static final Logger LOG = LoggerFactory.getLogger(Http2ReadTimeout.class);

  private final long timeoutNanos;
  private Connection connection;

  Http2ReadTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** The connection's handler; put it first (after TLS). */
  ChannelHandler connection() {
    if (connection == null) {
      connection = new Connection();
    }
    return connection;
  }

  /** A new handler for one stream, right after its HTTP/2-to-HTTP/1 codec. */
  ChannelHandler stream() {
    if (connection != null) {
      connection.streamOpened();
    }
    return new Stream();
  }

  private final class Connection extends ChannelInboundHandlerAdapter {
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      boolean bytes = msg instanceof ByteBuf && ((ByteBuf) msg).isReadable();
      ctx.fireChannelRead(msg);
      if (ctx.isRemoved()) {
        return; // a stream opened during that read
      }
      ChannelPipeline p = ctx.pipeline();
      if (!detecting(p) && p.get(Http2FrameCodec.class) == null) {
        p.remove(this); // HTTP/1.1: ClientReadTimeout's
        return;
      }
      if (bytes && timer == null) {
        timer =
            ctx.executor()
                .schedule(
                    () -> {
                      LOG.debug(
                          "client connection {} did not open an HTTP/2 stream in time: closed",
                          ctx.channel());
                      ctx.close();
                    },
                    timeoutNanos,
                    TimeUnit.NANOSECONDS);
      }
    }

    void streamOpened() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      if (ctx != null && !ctx.isRemoved()) {
        ctx.pipeline().remove(this);
      }
      connection = null;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }

  /** Whether the h2c prior-knowledge detector still waits for the rest of the preface. */
  private static boolean detecting(ChannelPipeline p) {
    return p.get(CleartextHttp2ServerUpgradeHandler.class) != null;
  }

  private final class Stream extends ChannelDuplexHandler {
    /** The request's headers came, its last content not yet. */
    private boolean reading;

    /** A response head went out; its last content too when {@link #responded}. */
    private boolean responding;

    private boolean responded;
    private long deadline;
    private ScheduledFuture<?> timer;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest && !(msg instanceof LastHttpContent)) {
        reading = true;
        deadline = System.nanoTime() + timeoutNanos;
        arm(ctx);
      } else if (msg instanceof HttpContent && reading) {
        if (msg instanceof LastHttpContent) {
          stop();
        } else {
          deadline = System.nanoTime() + timeoutNanos;
        }
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse
          && ((HttpResponse) msg).status().codeClass() != HttpStatusClass.INFORMATIONAL) {
        responding = true;
      }
      if (msg instanceof LastHttpContent && responding) {
        responded = true;
      }
      ctx.write(msg, promise);
    }

    private void arm(ChannelHandlerContext ctx) {
      if (timer == null) {
        timer =
            ctx.executor()
                .schedule(() -> fired(ctx), deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    }

    private void fired(ChannelHandlerContext ctx) {
      timer = null;
      if (!reading || !ctx.channel().isActive()) {
        return;
      }
      long now = System.nanoTime();
      if (!ctx.channel().config().isAutoRead()) {
        deadline = now + timeoutNanos; // the Gateway holds the body back, not the client
      }
      if (now - deadline < 0) {
        arm(ctx);
        return;
      }
      reading = false;
      if (responding) {
        LOG.debug("HTTP/2 stream {} stalled its request body: reset", ctx.channel());
        ctx.writeAndFlush(
                new DefaultHttp2ResetFrame(responded ? Http2Error.NO_ERROR : Http2Error.CANCEL))
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      LOG.debug("HTTP/2 stream {} too slow to send its request body: 408", ctx.channel());
      FullHttpResponse r = ClientReadTimeout.requestTimeout();
      responding = true;
      responded = true;
      // Once the response is out (a reset would drop its flow-controlled data), the rest of the
      // body is declined (RFC 9113 section 8.1).
      ctx.writeAndFlush(r)
          .addListener(
              f ->
                  ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.NO_ERROR))
                      .addListener(ChannelFutureListener.CLOSE));
    }

    private void stop() {
      reading = false;
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      stop();
      ctx.fireChannelInactive();
    }
  }
}
