package io.shelfstream.http.limits;

import java.net.InetAddress;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;

/** A request's client as limits count it without a credential. */
public final class ClientAddress {
  private ClientAddress() {}

  /** The address as the connection sees it (not X-Forwarded-For, which a client can set). */
  public static String of(HttpRequest request) {
    return request
        .getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(InetAddress::getHostAddress)
        .orElse("unknown");
  }
}
