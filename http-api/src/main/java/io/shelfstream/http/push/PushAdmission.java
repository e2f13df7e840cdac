package io.shelfstream.http.push;

import io.shelfstream.http.auth.Principals;
import io.shelfstream.http.health.WriteGate;
import io.shelfstream.http.json.Json;
import io.shelfstream.http.limits.StreamPermits;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;

/**
 * Whether a body of records may be read now, as for POS bodies: the journal's database must answer
 * ({@link WriteGate}, else 503), and the client and the node must be within their share of
 * ingestion requests ({@link StreamPermits}, else 429 or 503).
 */
final class PushAdmission {
  private static final long RETRY_AFTER_SECONDS = 2;

  sealed interface Verdict {}

  record Admitted(StreamPermits.Permit permit) implements Verdict {}

  record Refused(HttpResponse response) implements Verdict {}

  private final WriteGate gate;
  private final StreamPermits permits;

  PushAdmission(WriteGate gate, StreamPermits permits) {
    this.gate = gate;
    this.permits = permits;
  }

  WriteGate gate() {
    return gate;
  }

  Verdict admit(HttpRequest request) {
    Optional<String> closed = gate.closedBecause();
    if (closed.isPresent()) {
      return new Refused(
          refusal(
              StatusCodes.SERVICE_UNAVAILABLE,
              closed.get() + "; nothing was read: resend once GET /health/ready answers 200",
              true));
    }
    StreamPermits.Admission admission = permits.admit(Principals.clientOf(request));
    if (admission instanceof StreamPermits.Admitted admitted) {
      return new Admitted(admitted.permit());
    }
    if (admission instanceof StreamPermits.ClientAtLimit atLimit) {
      return new Refused(
          refusal(
              StatusCodes.TOO_MANY_REQUESTS,
              "too many ingestion requests in progress from "
                  + atLimit.client()
                  + ": at most "
                  + atLimit.limit()
                  + " at once per client (shelfstream.ingest.max-streams-per-client)",
              true));
    }
    return new Refused(
        refusal(
            StatusCodes.SERVICE_UNAVAILABLE,
            "this node has its most ingestion requests in progress"
                + " (shelfstream.ingest.max-streams); retry later or send to another node",
            true));
  }

  /**
   * Answered before reading the body: the connection is closed after the answer, as the body the
   * client may still be sending will not be read.
   */
  static HttpResponse refusal(StatusCode status, String error, boolean retry) {
    HttpResponse response =
        Json.response(status, Map.of("error", error)).addHeader(Connection.create("close"));
    return retry ? response.addHeader(RetryAfter.create(RETRY_AFTER_SECONDS)) : response;
  }
}
