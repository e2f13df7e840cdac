package io.shelfstream.http.auth.audit;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.http.json.Json;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /v1/audit?limit=100}: the newest audit entries first. Admin only, by the guard. */
public final class AuditRoutes extends AllDirectives {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;
  private final Auditor auditor;

  public AuditRoutes(Auditor auditor) {
    this.auditor = auditor;
  }

  public Route route() {
    return path(
        segment("v1").slash("audit"),
        () ->
            get(
                () ->
                    parameterOptional(
                        "limit",
                        limitText -> {
                          int limit;
                          try {
                            limit = limitText.map(Integer::parseInt).orElse(DEFAULT_LIMIT);
                          } catch (NumberFormatException e) {
                            limit = -1;
                          }
                          if (limit < 1 || limit > MAX_LIMIT) {
                            return complete(
                                Json.error(
                                    StatusCodes.BAD_REQUEST,
                                    "limit: must be an integer from 1 to " + MAX_LIMIT));
                          }
                          return completeWithFuture(
                              auditor
                                  .log()
                                  .newest(limit)
                                  .thenApply(entries -> Json.ok(Map.of("entries", entries))));
                        })));
  }
}
