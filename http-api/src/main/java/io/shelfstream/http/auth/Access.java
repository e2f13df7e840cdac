package io.shelfstream.http.auth;

/** What a request needs before it reaches its route. */
public sealed interface Access {
  /** Health and probes: no credential. */
  record Public() implements Access {}

  /** A path no route serves: any valid credential, then the route's own 404 or 405. */
  record AnyCredential() implements Access {}

  record Needs(Role role) implements Access {}
}
