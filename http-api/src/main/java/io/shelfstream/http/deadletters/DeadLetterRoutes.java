package io.shelfstream.http.deadletters;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.ingest.DeadLetterStore;
import io.shelfstream.engine.ingest.DeadLetterStore.StoredDeadLetter;
import io.shelfstream.http.json.Json;
import io.shelfstream.http.json.PageLimit;
import java.time.Instant;
import java.util.Map;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /v1/dead-letters?limit=N}: the newest rejected records, with why. */
public final class DeadLetterRoutes extends AllDirectives {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  private static final PageLimit LIMIT = new PageLimit(DEFAULT_LIMIT, MAX_LIMIT);

  private final DeadLetterStore store;

  public DeadLetterRoutes(DeadLetterStore store) {
    this.store = store;
  }

  record Letter(
      long id,
      Instant receivedAt,
      String channel,
      String position,
      String source,
      String eventId,
      String reason,
      String raw) {
    static Letter of(StoredDeadLetter stored) {
      var letter = stored.letter();
      return new Letter(
          stored.id(),
          letter.receivedAt(),
          letter.channel(),
          letter.where(),
          letter.source(),
          letter.eventId(),
          letter.reason(),
          letter.raw());
    }
  }

  public Route route() {
    return path(
        segment("v1").slash("dead-letters"),
        () ->
            get(
                () ->
                    LIMIT.route(
                        limit ->
                            completeWithFuture(
                                store
                                    .newest(limit)
                                    .thenApply(
                                        letters ->
                                            Json.ok(
                                                Map.of(
                                                    "deadLetters",
                                                    letters.stream()
                                                        .map(Letter::of)
                                                        .toList())))))));
  }
}
