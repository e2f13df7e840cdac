package io.shelfstream.http.auth;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.RawText;
import io.shelfstream.http.json.Json;
import io.shelfstream.protocols.event.InventoryEvent;
import io.shelfstream.protocols.event.RetailEvent;
import io.shelfstream.protocols.event.StoreUpdate;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An ingest token's scopes, applied to each decoded event: an event naming a source outside the
 * source scope, or a store (location) outside the store scope, becomes a rejected line with that
 * reason, kept as a dead letter like any other bad line. Demand signals name no store, so a
 * store-scoped token cannot send them.
 */
public final class SourceScope {
  private SourceScope() {}

  public static <P> Decoded<P> apply(Principal principal, Decoded<P> decoded) {
    if (!(decoded instanceof Decoded.Valid<P> valid)) {
      return decoded;
    }
    return refusal(principal, valid.event())
        .<Decoded<P>>map(
            reason ->
                new Decoded.Invalid<>(
                    valid.position(),
                    valid.where(),
                    valid.event().eventId(),
                    valid.event().source(),
                    reason,
                    RawText.of(Json.bytes(valid.event())),
                    null))
        .orElse(decoded);
  }

  /** Why {@code principal} may not send {@code event}; empty when it may. */
  static Optional<String> refusal(Principal principal, RetailEvent event) {
    if (!principal.sources().isEmpty() && !principal.sources().contains(event.source())) {
      return Optional.of(
          "source: \""
              + event.source()
              + "\" is outside this token's source scope "
              + new TreeSet<>(principal.sources()));
    }
    if (principal.stores().isEmpty()) {
      return Optional.empty();
    }
    String store = null;
    if (event instanceof InventoryEvent inventory) {
      store = inventory.key().locationId();
    } else if (event instanceof StoreUpdate update) {
      store = update.storeId();
    }
    if (store == null) {
      return Optional.of(
          "store: a demand signal names no store, and this token may send only for the stores "
              + new TreeSet<>(principal.stores()));
    }
    return principal.stores().contains(store)
        ? Optional.empty()
        : Optional.of(
            "store: \""
                + store
                + "\" is outside this token's store scope "
                + new TreeSet<>(principal.stores()));
  }
}
