package io.shelfstream.http.auth;

import io.shelfstream.http.limits.ClientAddress;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/** Where the {@link Guard} leaves a request's principal for the routes that scope by it. */
public final class Principals {
  static final AttributeKey<Principal> KEY =
      AttributeKey.create("shelfstream-principal", Principal.class);

  private Principals() {}

  /**
   * Who a request's ingestion limits count against: its credential (an API token, a JWT subject),
   * or its address when security is off. Clients behind one proxy keep their own shares; tills that
   * share one token share its share.
   */
  public static String clientOf(HttpRequest request) {
    return of(request)
        .map(Principal::actor)
        .orElseGet(() -> "address " + ClientAddress.of(request));
  }

  /** Empty when security is off. */
  public static Optional<Principal> of(HttpRequest request) {
    return request.getAttribute(KEY);
  }
}
