package dev.gatewaysdk.testing.internal.gateway;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The data plane's one choice of Netty transport: the native epoll transport where it loads (Linux
 * x86_64 and aarch64: fewer system calls and no selector garbage per wake-up than NIO), else NIO.
 * Every event loop group, server, client and datagram channel of the data plane takes its classes
 * from here, since channels of one transport cannot be registered on the other's event loops.
 */
final class Transport {
  static final boolean EPOLL = Epoll.isAvailable();

  private Transport() {}

  static IoHandlerFactory ioHandlerFactory() {
    return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  static Class<? extends ServerChannel> serverChannel() {
    return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  static Class<? extends SocketChannel> socketChannel() {
    return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  static Class<? extends DatagramChannel> datagramChannel() {
    return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  /** For logs and docs: {@code epoll} or {@code nio}. */
  static String name() {
    return EPOLL ? "epoll" : "nio";
  }
}
