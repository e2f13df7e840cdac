package io.shelfstream.http.auth.audit;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.http.json.Json;
import io.shelfstream.http.json.PageLimit;
import java.util.Map;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /v1/audit?limit=100}: the newest audit entries first. Admin only, by the guard. */
public final class AuditRoutes extends AllDirectives {
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;
  private static final PageLimit LIMIT = new PageLimit(DEFAULT_LIMIT, MAX_LIMIT);
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
                    LIMIT.route(
                        limit ->
                            completeWithFuture(
                                auditor
                                    .log()
                                    .newest(limit)
                                    .thenApply(entries -> Json.ok(Map.of("entries", entries)))))));
  }
}
