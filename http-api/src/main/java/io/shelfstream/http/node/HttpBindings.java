package io.shelfstream.http.node;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.ServerBinding;

/** The ports the API is served on: plain HTTP, HTTPS, or both. */
record HttpBindings(String host, Optional<ServerBinding> plain, Optional<ServerBinding> https) {

  /** The API's base URLs, e.g. {@code http://0.0.0.0:8080, https://0.0.0.0:8443}. */
  String urls() {
    List<String> urls = new ArrayList<>();
    plain.ifPresent(bound -> urls.add("http://" + host + ":" + bound.localAddress().getPort()));
    https.ifPresent(bound -> urls.add("https://" + host + ":" + bound.localAddress().getPort()));
    return String.join(", ", urls);
  }

  InetSocketAddress plainAddress() {
    return plain
        .orElseThrow(() -> new IllegalStateException("plain HTTP is off on this node"))
        .localAddress();
  }

  InetSocketAddress httpsAddress() {
    return https
        .orElseThrow(() -> new IllegalStateException("HTTPS is off on this node"))
        .localAddress();
  }
}
