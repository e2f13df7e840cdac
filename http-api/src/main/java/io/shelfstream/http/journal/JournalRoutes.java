package io.shelfstream.http.journal;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.demand.DemandSignals;
import io.shelfstream.engine.entity.GoldenRecordSettings;
import io.shelfstream.engine.inventory.LocationInventory;
import io.shelfstream.engine.store.Store;
import io.shelfstream.http.json.Json;
import io.shelfstream.persistence.journal.JournalReplay;
import io.shelfstream.persistence.journal.JournalReplay.ReplayedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Journal replay: {@code GET /v1/journal/tags}, {@code /v1/journal/tags/{tag}/events?after=&limit=}
 * (resume with the answer's {@code next}), {@code
 * /v1/journal/entities/{persistenceId}/events?from=&limit=}. Answers hold journal entries; {@code
 * limit} counts the events in them (see {@link JournalReplay}).
 */
public final class JournalRoutes extends AllDirectives {
  static final int DEFAULT_LIMIT = 500;
  static final int MAX_LIMIT = 10_000;

  private final JournalReplay replay;
  private final GoldenRecordSettings settings;

  public JournalRoutes(JournalReplay replay, GoldenRecordSettings settings) {
    this.replay = replay;
    this.settings = settings;
  }

  public Route route() {
    return pathPrefix(
        segment("v1").slash("journal"),
        () ->
            get(
                () ->
                    concat(
                        path("tags", () -> complete(Json.ok(Map.of("tags", tags())))),
                        path(
                            segment("tags").slash(PathMatchers.segment()).slash("events"),
                            tag ->
                                page(
                                    "after",
                                    0,
                                    (after, limit) ->
                                        completeWithFuture(
                                            replay
                                                .byTag(tag, after, limit)
                                                .thenApply(
                                                    events ->
                                                        answer(
                                                            events,
                                                            events.isEmpty()
                                                                ? after
                                                                : last(events).offset()))))),
                        path(
                            segment("entities").slash(PathMatchers.segment()).slash("events"),
                            persistenceId ->
                                page(
                                    "from",
                                    1,
                                    (from, limit) ->
                                        completeWithFuture(
                                            replay
                                                .byPersistenceId(persistenceId, from, limit)
                                                .thenApply(
                                                    events ->
                                                        answer(
                                                            events,
                                                            events.isEmpty()
                                                                ? from
                                                                : last(events).sequenceNr()
                                                                    + 1))))))));
  }

  private List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (String prefix :
        List.of(LocationInventory.TAG_PREFIX, Store.TAG_PREFIX, DemandSignals.TAG_PREFIX)) {
      for (int slice = 0; slice < settings.tagSlices(); slice++) {
        tags.add(settings.sliceTag(prefix, slice));
      }
    }
    return tags;
  }

  private interface PageRoute {
    Route apply(long start, int limit);
  }

  private Route page(String startName, long defaultStart, PageRoute route) {
    return parameterOptional(
        startName,
        start ->
            parameterOptional(
                "limit",
                limit -> {
                  Optional<Long> startValue = number(start, defaultStart);
                  Optional<Long> limitValue = number(limit, DEFAULT_LIMIT);
                  if (startValue.isEmpty() || startValue.get() < 0) {
                    return complete(
                        Json.error(
                            StatusCodes.BAD_REQUEST, startName + ": must be a whole number >= 0"));
                  }
                  if (limitValue.isEmpty()
                      || limitValue.get() < 1
                      || limitValue.get() > MAX_LIMIT) {
                    return complete(
                        Json.error(
                            StatusCodes.BAD_REQUEST,
                            "limit: must be a whole number from 1 to " + MAX_LIMIT));
                  }
                  return route.apply(startValue.get(), limitValue.get().intValue());
                }));
  }

  private static Optional<Long> number(Optional<String> text, long fallback) {
    try {
      return Optional.of(text.map(Long::parseLong).orElse(fallback));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ReplayedEvent last(List<ReplayedEvent> events) {
    return events.get(events.size() - 1);
  }

  /** The events, and the {@code after} or {@code from} of the next page. */
  private static HttpResponse answer(List<ReplayedEvent> events, long next) {
    return Json.ok(Map.of("events", events, "next", next));
  }
}
