package io.shelfstream.http.auth;

import java.util.Optional;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.HttpRequest;

/** Where the {@link Guard} leaves a request's principal for the routes that scope by it. */
public final class Principals {
  static final AttributeKey<Principal> KEY =
      AttributeKey.create("shelfstream-principal", Principal.class);

  private Principals() {}

  /** Empty when security is off. */
  public static Optional<Principal> of(HttpRequest request) {
    return request.getAttribute(KEY);
  }
}
