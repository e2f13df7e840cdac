package io.shelfstream.http.auth;

/** What a request's credential turned out to be. */
public sealed interface Verdict {
  record Authenticated(Principal principal) implements Verdict {}

  /** No credential, or one that is not valid: {@code reason} says which, never the credential. */
  record Unauthenticated(String reason) implements Verdict {}
}
