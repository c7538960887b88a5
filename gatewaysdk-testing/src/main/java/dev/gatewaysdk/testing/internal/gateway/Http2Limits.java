package dev.gatewaysdk.testing.internal.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;

/**
 * The flow-control settings of every HTTP/2 connection of the data plane, client side (h2c prior
 * knowledge, {@code Upgrade: h2c}, TLS ALPN h2) and backend side (h2c): what bounds the memory of
 * one connection whatever the size of its bodies.
 *
 * <p>Each stream is a child channel reading its frames only while its proxy reads ({@code
 * autoRead}); a stream's receive window is returned only as its frames are read, so a peer can have
 * at most {@link #STREAM_WINDOW} bytes of a stream unread in the Gateway, and at most {@link
 * #CONNECTION_WINDOW} over all streams of a connection. The connection window is {@link
 * #MAX_STREAMS} stream windows, so one stalled stream never starves its siblings. What the Gateway
 * sends on a stream waits in the stream's write buffer while the peer's window is closed; above the
 * buffer's high-water mark (64 KiB) the stream is not writable and the proxy stops reading the
 * other side.
 *
 * <p>So one client connection holds at most {@link #MAX_STREAMS} x (a 64 KiB receive window unread,
 * plus in each direction a 64 KiB write buffer and the rest of one 64 KiB read of the other side),
 * about 32 MiB in the worst case, whatever the size of its bodies; a 64 MiB upload or download has
 * a few hundred KiB in flight ({@code EmbeddedGatewayHttp2StreamingTest}).
 */
final class Http2Limits {
  /** Concurrent streams per client connection (what nginx allows by default). */
  static final int MAX_STREAMS = 128;

  /** The receive window of each stream: 64 KiB. */
  static final int STREAM_WINDOW = 64 * 1024;

  /** The receive window of a connection: {@link #MAX_STREAMS} x {@link #STREAM_WINDOW}, 8 MiB. */
  static final int CONNECTION_WINDOW = MAX_STREAMS * STREAM_WINDOW;

  private Http2Limits() {}

  /** The frame codec of a client connection to the Gateway. */
  static Http2FrameCodec serverCodec() {
    return Http2FrameCodecBuilder.forServer()
        .initialSettings(
            Http2Settings.defaultSettings()
                .maxConcurrentStreams(MAX_STREAMS)
                .initialWindowSize(STREAM_WINDOW))
        .build();
  }

  /** The frame codec of a connection from the Gateway to an h2c backend. */
  static Http2FrameCodec clientCodec() {
    return Http2FrameCodecBuilder.forClient()
        .initialSettings(Http2Settings.defaultSettings().initialWindowSize(STREAM_WINDOW))
        .build();
  }

  /**
   * Goes right after the frame codec: raises the connection's receive window from the protocol's 64
   * KiB to {@link #CONNECTION_WINDOW} once the connection is active, then leaves.
   */
  static ChannelInboundHandlerAdapter connectionWindow() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
          raise(ctx);
        }
      }

      @Override
      public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive(); // the codec has sent its preface
        raise(ctx);
      }

      private void raise(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(
            new DefaultHttp2WindowUpdateFrame(
                CONNECTION_WINDOW - Http2CodecUtil.DEFAULT_WINDOW_SIZE));
        ctx.pipeline().remove(this);
      }
    };
  }
}
