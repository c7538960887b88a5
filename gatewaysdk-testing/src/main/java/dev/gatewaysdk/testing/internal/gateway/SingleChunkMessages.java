package dev.gatewaysdk.testing.internal.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits after an HTTP codec: a message whose body is declared at most one chunk long (no body, or a
 * small body: most requests and responses) becomes a full message here once complete, sharing the
 * decoded headers and, when the body came in one read, its buffer; one cut short by the close is
 * dropped. Anything else (larger or chunked bodies, {@code Expect}, decoding failures) passes
 * unchanged, as a head and chunks that the proxy streams. What is held is at most {@link
 * #CHUNK_SIZE} bytes of body.
 */
final class SingleChunkMessages extends ChannelInboundHandlerAdapter {
  /**
   * The chunk size of the data plane's HTTP/1.1 codecs: a body declared up to this long may arrive
   * as one chunk.
   */
  static final int CHUNK_SIZE = 8192;

  /** A message start held until its body (declared at most one chunk long) is complete. */
  private HttpMessage held;

  /** The body of {@link #held} so far, when it came in more than one read; else null. */
  private ByteBuf body;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (held != null) {
      if (msg instanceof HttpContent && ((HttpContent) msg).decoderResult().isSuccess()) {
        HttpContent c = (HttpContent) msg;
        if (body == null && msg instanceof LastHttpContent) {
          HttpMessage start = held;
          held = null;
          ctx.fireChannelRead(full(start, (LastHttpContent) msg));
          return;
        }
        if (body == null) {
          body = ctx.alloc().buffer(CHUNK_SIZE);
        }
        body.writeBytes(c.content()); // at most the declared length, one chunk in all
        if (msg instanceof LastHttpContent) {
          HttpMessage start = held;
          LastHttpContent last =
              new DefaultLastHttpContent(body, ((LastHttpContent) msg).trailingHeaders());
          held = null;
          body = null;
          c.release();
          ctx.fireChannelRead(full(start, last));
        } else {
          c.release();
        }
        return;
      }
      HttpMessage start = held;
      held = null;
      ctx.fireChannelRead(start);
      if (body != null) {
        ctx.fireChannelRead(new DefaultHttpContent(body));
        body = null;
      }
      ctx.fireChannelRead(msg);
      return;
    }
    if (msg instanceof HttpMessage
        && !(msg instanceof FullHttpMessage)
        && ((HttpMessage) msg).decoderResult().isSuccess()
        && !((HttpMessage) msg).headers().contains(HttpHeaderNames.EXPECT)
        && (msg instanceof HttpRequest || msg instanceof HttpResponse)
        && mayBeOneChunk((HttpMessage) msg)) {
      held = (HttpMessage) msg;
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /**
   * Whether the body can come as one chunk: a declared length within one chunk, or a request
   * without a body. Anything larger goes to the aggregator at once, so that it can refuse an
   * oversized body (413) before the client sends it.
   */
  private static boolean mayBeOneChunk(HttpMessage m) {
    if (HttpUtil.isTransferEncodingChunked(m)) {
      return false;
    }
    long length = HttpUtil.getContentLength(m, -1L);
    if (length >= 0) {
      return length <= CHUNK_SIZE;
    }
    return m instanceof HttpRequest; // a response without a length is read until the close
  }

  private static FullHttpMessage full(HttpMessage start, LastHttpContent last) {
    FullHttpMessage full;
    if (start instanceof HttpRequest) {
      HttpRequest r = (HttpRequest) start;
      full =
          new DefaultFullHttpRequest(
              r.protocolVersion(),
              r.method(),
              r.uri(),
              last.content(),
              r.headers(),
              last.trailingHeaders());
    } else {
      HttpResponse r = (HttpResponse) start;
      full =
          new DefaultFullHttpResponse(
              r.protocolVersion(), r.status(), last.content(), r.headers(), last.trailingHeaders());
    }
    full.setDecoderResult(start.decoderResult());
    return full;
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    // a message cut short: dropped, so the next handler sees a connection closed without it
    held = null;
    release();
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held = null;
    release();
  }

  private void release() {
    if (body != null) {
      body.release();
      body = null;
    }
  }
}
