package io.shelfstream.http.health;

import io.shelfstream.http.json.Json;
import io.shelfstream.persistence.db.DatabaseProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health/ready} (and {@code /health}, as before): 200 when the node can take traffic,
 * that is it is an Up member of its cluster and its journal's database is reachable, 503 with the
 * reason otherwise. {@code GET /health/live}: 200 while the process serves HTTP. Both answer at
 * once, from what the database probe last found: a check never waits for the database.
 */
public final class HealthRoute extends AllDirectives {
  private final Cluster cluster;
  private final DatabaseProbe journalDatabase;

  public HealthRoute(ActorSystem<?> system, DatabaseProbe journalDatabase) {
    this.cluster = Cluster.get(system);
    this.journalDatabase = journalDatabase;
  }

  public Route route() {
    return pathPrefix(
        "health",
        () ->
            get(
                () ->
                    concat(
                        pathEndOrSingleSlash(() -> complete(readiness())),
                        path("ready", () -> complete(readiness())),
                        path("live", () -> complete(Json.ok(Map.of("status", "up")))))));
  }

  private HttpResponse readiness() {
    MemberStatus member = cluster.selfMember().status();
    DatabaseProbe.Status database = journalDatabase.status();
    Map<String, Object> body = new LinkedHashMap<>();
    String reason = null;
    if (member != MemberStatus.up()) {
      reason = "cluster member is " + member;
    } else if (!database.reachable()) {
      reason = JournalUnreachable.reason(database);
    }
    body.put("status", reason == null ? "up" : "down");
    if (reason != null) {
      body.put("reason", reason);
    }
    body.put("member", member.toString());
    Map<String, Object> journal = new LinkedHashMap<>();
    journal.put("reachable", database.reachable());
    journal.put("since", database.since());
    journal.put("checkedAt", database.checkedAt());
    body.put("journalDatabase", journal);
    return Json.response(reason == null ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, body);
  }
}
