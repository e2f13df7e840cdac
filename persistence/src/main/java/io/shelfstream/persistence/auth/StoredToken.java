package io.shelfstream.persistence.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An API token as stored: never its secret, only a random salt and SHA-256(salt || secret), both
 * hex. {@code role} is the role's wire name; {@code sources} and {@code stores} are its scopes,
 * empty for none.
 */
public record StoredToken(
    String id,
    String name,
    String role,
    List<String> sources,
    List<String> stores,
    String salt,
    String secretHash,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public StoredToken {
    sources = List.copyOf(sources);
    stores = List.copyOf(stores);
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }
}
