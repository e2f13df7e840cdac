package io.shelfstream.devkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports of the broker on 127.0.0.1: one for clients, one for its own controller, one for
 * clients that log in with SASL (listened on only when the broker has SASL users). All are fixed
 * when the broker is first started, so that a restart comes back where clients look for it.
 */
record BrokerPorts(int broker, int controller, int sasl) {
  static final String HOST = "127.0.0.1";

  /**
   * Checks that {@code brokerPort} is free (0 picks a free one) and picks free controller and SASL
   * ports. The sockets are held open together so that no two picks can be the same port.
   */
  static BrokerPorts reserve(int brokerPort) {
    if (brokerPort < 0 || brokerPort > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + brokerPort);
    }
    try (ServerSocket broker = bind(brokerPort);
        ServerSocket controller = bind(0);
        ServerSocket sasl = bind(0)) {
      return new BrokerPorts(broker.getLocalPort(), controller.getLocalPort(), sasl.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close a probe socket on " + HOST, e);
    }
  }

  private static ServerSocket bind(int port) {
    try {
      return new ServerSocket(port, 1, InetAddress.getByName(HOST));
    } catch (BindException e) {
      throw new IllegalStateException(
          HOST + ":" + port + " is already in use (another Kafka broker?)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + HOST + ":" + port, e);
    }
  }
}
