package dev.gatewaysdk.testing.internal.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits between an HTTP codec and its {@code HttpObjectAggregator}: a message whose body arrives as
 * one last chunk (no body, or a small body read at once: most requests and responses) becomes a
 * full message here, sharing the decoded headers and the chunk's buffer, and the aggregator passes
 * it through; anything else (bodies in several chunks, {@code Expect}, decoding failures) goes to
 * the aggregator unchanged. Saves the aggregator's composite buffer and message copy per request
 * and response on the proxy path. A chunk is at most the codec's chunk size, so memory stays
 * bounded as with the aggregator.
 */
final class SingleChunkMessages extends ChannelInboundHandlerAdapter {
  /** The codecs' chunk size: a body declared up to this long may arrive as one chunk. */
  private static final long ONE_CHUNK = 8192;

  /** A message start held until its first chunk shows whether it is also the last. */
  private HttpMessage held;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (held != null) {
      HttpMessage start = held;
      held = null;
      if (msg instanceof LastHttpContent) {
        LastHttpContent last = (LastHttpContent) msg;
        if (last.decoderResult().isSuccess()) {
          ctx.fireChannelRead(full(start, last));
          return;
        }
      }
      ctx.fireChannelRead(start);
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
      return length <= ONE_CHUNK;
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
    if (held != null) {
      // a start without its body: the aggregator sees it as the incomplete message it is
      HttpMessage start = held;
      held = null;
      ctx.fireChannelRead(start);
    }
    super.channelInactive(ctx);
  }
}
