package io.shelfstream.http.auth.tokens;

import io.shelfstream.http.auth.Role;
import io.shelfstream.persistence.auth.JdbcTokenStore;
import io.shelfstream.persistence.auth.StoredToken;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The API tokens, with the rows last read kept for {@code cacheTtl} so that a request costs no
 * query. A revocation drops the row here at once; another node of the cluster notices it when its
 * copy expires, within {@code cacheTtl}.
 */
public final class TokenRegistry {
  private final JdbcTokenStore store;
  private final Clock clock;
  private final long ttlMillis;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
  // a lookup that read the row before a revocation here must not cache it after
  private final Set<String> revokedHere = ConcurrentHashMap.newKeySet();

  private record Cached(StoredToken token, long readAt) {}

  /** A new token and the only copy of its value. */
  public record Created(StoredToken stored, String token) {}

  public TokenRegistry(JdbcTokenStore store, Clock clock, Duration cacheTtl) {
    this.store = store;
    this.clock = clock;
    this.ttlMillis = cacheTtl.toMillis();
  }

  /** The stored row of {@code id}: from the cache when fresh, else from the database. */
  public CompletionStage<Optional<StoredToken>> find(String id) {
    Cached cached = cache.get(id);
    long now = clock.millis();
    if (cached != null && now - cached.readAt() < ttlMillis) {
      return CompletableFuture.completedFuture(Optional.of(cached.token()));
    }
    return store
        .find(id)
        .thenApply(
            found -> {
              if (revokedHere.contains(id)) {
                return found.filter(StoredToken::revoked);
              }
              found.ifPresentOrElse(
                  token -> cache.put(id, new Cached(token, now)), () -> cache.remove(id));
              return found;
            });
  }

  public CompletionStage<Created> create(
      Role role, String name, List<String> sources, List<String> stores) {
    Created created = newToken(role, name, sources, stores);
    return store.create(created.stored()).thenApply(done -> created);
  }

  /** Blocking, for a node's start. */
  public Created createNow(Role role, String name) {
    Created created = newToken(role, name, List.of(), List.of());
    store.insert(created.stored());
    return created;
  }

  public CompletionStage<List<StoredToken>> list() {
    return store.list();
  }

  public CompletionStage<Boolean> revoke(String id) {
    revokedHere.add(id);
    cache.remove(id);
    return store.revoke(id, clock.instant());
  }

  /** Blocking, for a node's start. */
  public long activeAdminCount() {
    return store.activeAdminCount();
  }

  private Created newToken(Role role, String name, List<String> sources, List<String> stores) {
    ApiToken.Parts parts = ApiToken.generate();
    String salt = ApiToken.newSalt();
    var stored =
        new StoredToken(
            parts.id(),
            name,
            role.wireName(),
            sources,
            stores,
            salt,
            ApiToken.hash(salt, parts.secret()),
            clock.instant(),
            Optional.empty());
    return new Created(stored, parts.token());
  }
}
