package dev.gatewaysdk.testing.internal.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read timeout of one HTTP/1.1 client connection, as nginx's {@code client_header_timeout} and
 * {@code client_body_timeout}: once the first byte of a request arrives, its head must be complete
 * within the timeout, and each read of its body must follow the previous one within it; otherwise
 * the client gets {@code 408 Request Timeout} and the connection closes. A connection idle between
 * requests is left to the idle timeout (closed without a response). The clock does not run while
 * the Gateway itself is answering (a request read but not answered, or {@code autoRead} off).
 *
 * <p>Two handlers: {@link #bytes()} before the HTTP codec sees every read, {@link #messages()}
 * after it sees where a request ends and where a response ends. On a cleartext port {@link
 * #bytes()} goes after the h2c prior-knowledge detector, which passes on no byte of an HTTP/2
 * connection; an HTTP/2 connection (prior knowledge or an {@code Upgrade: h2c}) removes both
 * handlers, so it never gets an HTTP/1.1 408. One instance per connection; event loop only.
 */
final class ClientReadTimeout {
  private static final Logger LOG = LoggerFactory.getLogger(ClientReadTimeout.class);

  private final long timeoutNanos;
  private final Bytes bytes = new Bytes();
  private final Messages messages = new Messages();
  private ChannelHandlerContext out;

  /** Bytes of a request arrived, its last content not yet. */
  private boolean reading;

  /** The head of the request being read is decoded: its body is being read. */
  private boolean headRead;

  /**
   * Requests read completely minus responses written completely: above 0 the Gateway owes an
   * answer, below 0 the request being read was answered early (a refusal before its body).
   */
  private int unanswered;

  /** A response head is written, its last content not yet. */
  private boolean responding;

  private long deadline;
  private ScheduledFuture<?> timer;

  ClientReadTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** The handler to put before the HTTP codec. */
  ChannelHandler bytes() {
    return bytes;
  }

  /** The handler to put right after the HTTP codec (and the h2c upgrade handler). */
  ChannelHandler messages() {
    return messages;
  }

  private void read(ChannelHandlerContext ctx) {
    if (!reading) {
      reading = true;
      headRead = false;
      deadline = System.nanoTime() + timeoutNanos;
      arm(ctx);
    } else if (headRead) {
      deadline = System.nanoTime() + timeoutNanos; // the body: the time between two reads
    }
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
    if (unanswered < 0) {
      ctx.close(); // answered already: the client does not send the rest
      return;
    }
    long now = System.nanoTime();
    if (unanswered > 0 || responding || !ctx.channel().config().isAutoRead()) {
      deadline = now + timeoutNanos; // the Gateway is busy, not the client slow
    }
    if (now - deadline < 0) {
      arm(ctx);
      return;
    }
    LOG.debug("client connection {} too slow to send its request: 408", ctx.channel());
    FullHttpResponse r = requestTimeout();
    r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    reading = false;
    if (out != null) {
      out.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    } else {
      r.release();
      ctx.close();
    }
  }

  /** A {@code 408 Request Timeout} with a short plain-text body. */
  static FullHttpResponse requestTimeout() {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUEST_TIMEOUT,
            Unpooled.copiedBuffer("408 Request Timeout\n", StandardCharsets.UTF_8));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
    return r;
  }

  /** The connection turned out to be HTTP/2: neither handler has anything more to do. */
  private void http2(ChannelHandlerContext ctx) {
    stop();
    if (bytes.ctx != null && !bytes.ctx.isRemoved()) {
      ctx.pipeline().remove(bytes);
    }
    if (out != null && !out.isRemoved()) {
      ctx.pipeline().remove(messages);
    }
  }

  private void stop() {
    reading = false;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** Either handler sees the event of an upgrade to HTTP/2, whichever way it came. */
  private void userEvent(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent
        || evt instanceof HttpServerUpgradeHandler.UpgradeEvent) {
      http2(ctx);
    }
    ctx.fireUserEventTriggered(evt);
  }

  private final class Bytes extends ChannelInboundHandlerAdapter {
    ChannelHandlerContext ctx;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof ByteBuf && ((ByteBuf) msg).isReadable()) {
        read(ctx);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      userEvent(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      stop();
      ctx.fireChannelInactive();
    }
  }

  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      out = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (msg instanceof HttpRequest) {
        headRead = true;
      }
      if (msg instanceof LastHttpContent) {
        reading = false;
        unanswered++;
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
        throws Exception {
      boolean informational =
          msg instanceof HttpResponse
              && ((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL;
      if (msg instanceof HttpResponse && !informational) {
        responding = true;
      }
      if (msg instanceof LastHttpContent && !informational) {
        responding = false;
        unanswered--;
      }
      ctx.write(msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      userEvent(ctx, evt);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
      stop();
    }
  }
}
