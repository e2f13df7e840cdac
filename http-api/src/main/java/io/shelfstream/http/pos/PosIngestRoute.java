package io.shelfstream.http.pos;

import static io.shelfstream.engine.concurrent.DirectStages.direct;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.ingest.IngestPipeline;
import io.shelfstream.engine.ingest.IngestSettings;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.ingest.PosLines;
import io.shelfstream.http.auth.Principal;
import io.shelfstream.http.auth.Principals;
import io.shelfstream.http.auth.SourceScope;
import io.shelfstream.http.health.WriteGate;
import io.shelfstream.http.json.Json;
import io.shelfstream.http.limits.IngestLimits;
import io.shelfstream.http.limits.StreamPermits;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.StreamIdleTimeoutException;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code POST /v1/pos/events}: an NDJSON body, streamed with backpressure line by line into the
 * ingestion pipeline, so a body of any size runs in bounded memory. Answers with a summary once
 * every line is durable, or, with {@code Accept: application/x-ndjson}, with one result per line as
 * each becomes durable, so that a till can keep one connection open all day.
 *
 * <p>Each request first passes the {@link WriteGate} (503 at once while the journal's database is
 * unreachable) and the {@link StreamPermits} (429 beyond a client's share of concurrent requests,
 * 503 beyond the node's). A body that goes {@link IngestLimits#bodyStallTimeout} without a byte is
 * ended: the lines read so far are answered, then the stall is reported.
 */
public final class PosIngestRoute extends AllDirectives {
  public static final String CHANNEL = "http:pos";
  static final MediaType.WithFixedCharset NDJSON =
      MediaTypes.applicationWithFixedCharset("x-ndjson", HttpCharsets.UTF_8);
  private static final ContentType NDJSON_CONTENT = NDJSON.toContentType();
  private static final long RETRY_AFTER_SECONDS = 2;

  private final IngestPipeline pipeline;
  private final ActorSystem<?> system;
  private final WriteGate gate;
  private final IngestLimits limits;
  private final StreamPermits permits;
  private final PosLines lines = new PosLines(PosLineParser.DEFAULT_SOURCE);

  public PosIngestRoute(
      IngestPipeline pipeline,
      ActorSystem<?> system,
      WriteGate gate,
      IngestLimits limits,
      StreamPermits permits) {
    this.pipeline = pipeline;
    this.system = system;
    this.gate = gate;
    this.limits = limits;
    this.permits = permits;
  }

  public Route route() {
    return path(
        segment("v1").slash("pos").slash("events"),
        () ->
            post(
                () ->
                    withoutSizeLimit(
                        () -> withoutRequestTimeout(() -> extractRequest(this::admit)))));
  }

  private Route admit(HttpRequest request) {
    if (!isNdjson(request.entity().getContentType())) {
      // not read, nor drained: a body that never ends would hold the connection
      return complete(
          Json.error(
                  StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                  "Content-Type must be application/x-ndjson, got "
                      + request.entity().getContentType())
              .addHeader(Connection.create("close")));
    }
    Optional<String> closed = gate.closedBecause();
    if (closed.isPresent()) {
      return complete(
          refusal(
              StatusCodes.SERVICE_UNAVAILABLE,
              Map.of(
                  "error",
                  closed.get() + "; nothing was read: resend once GET /health/ready answers 200")));
    }
    StreamPermits.Admission admission = permits.admit(Principals.clientOf(request));
    if (admission instanceof StreamPermits.Admitted admitted) {
      return ingest(request, admitted.permit());
    }
    if (admission instanceof StreamPermits.ClientAtLimit atLimit) {
      return complete(
          refusal(
              StatusCodes.TOO_MANY_REQUESTS,
              Map.of(
                  "error",
                  "too many ingestion requests in progress from "
                      + atLimit.client()
                      + ": at most "
                      + atLimit.limit()
                      + " at once per client (shelfstream.ingest.max-streams-per-client);"
                      + " end or close one before opening another, or send more lines per"
                      + " request",
                  "limit",
                  atLimit.limit())));
    }
    var atLimit = (StreamPermits.NodeAtLimit) admission;
    return complete(
        refusal(
            StatusCodes.SERVICE_UNAVAILABLE,
            Map.of(
                "error",
                "this node has its most ingestion requests in progress, "
                    + atLimit.limit()
                    + " (shelfstream.ingest.max-streams); retry later or send to another node",
                "limit",
                atLimit.limit())));
  }

  /**
   * Answered before reading the body: the connection is closed after the answer, as the body the
   * client is still sending will not be read.
   */
  private static HttpResponse refusal(StatusCode status, Map<String, Object> body) {
    return Json.response(status, body)
        .addHeader(RetryAfter.create(RETRY_AFTER_SECONDS))
        .addHeader(Connection.create("close"));
  }

  private Route ingest(HttpRequest request, StreamPermits.Permit permit) {
    var stall = new AtomicBoolean();
    var lastLine = new AtomicLong(); // of the last batch, for a stall's error
    IngestSettings settings = pipeline.settings();
    Optional<Principal> scoped = Principals.of(request).filter(Principal::scoped);
    Source<List<Outcome<Long>>, NotUsed> batches =
        request
            .entity()
            .getDataBytes()
            .idleTimeout(limits.bodyStallTimeout())
            .via(lines.framing())
            // a stalled body ends the input (a partial last line is dropped): what was read is
            // still answered
            .recoverWithRetries(
                1,
                StreamIdleTimeoutException.class,
                () -> {
                  stall.set(true);
                  return Source.empty();
                })
            .filter(line -> !line.isBlank())
            .map(lines::decode)
            .map(decoded -> scoped.map(scope -> SourceScope.apply(scope, decoded)).orElse(decoded))
            .groupedWithin(settings.batchSize(), settings.batchWindow())
            .mapAsync(
                settings.parallelism(),
                batch -> gate.ingest(batch, records -> pipeline.ingest(CHANNEL, records)))
            .map(
                outcomes -> {
                  lastLine.set(outcomes.get(outcomes.size() - 1).position());
                  return outcomes;
                })
            .watchTermination(
                (notUsed, done) -> {
                  done.whenComplete((ended, error) -> permit.release());
                  return NotUsed.getInstance();
                });
    if (wantsStream(request)) {
      // run now rather than when the response is rendered, so that the permit is released
      // even if the connection closes before that
      Source<List<Outcome<Long>>, NotUsed> running = batches.preMaterialize(system).second();
      Source<ByteString, NotUsed> results =
          running
              .mapConcat(batch -> batch)
              .map(PosIngestRoute::line)
              // concatLazy: concat would ask for the stall line before the body ended
              .concatLazy(
                  Source.lazySource(
                      () ->
                          stall.get()
                              ? Source.single(stallLine(lastLine.get()))
                              : Source.<ByteString>empty()));
      return complete(
          HttpResponse.create().withEntity(HttpEntities.create(NDJSON_CONTENT, results)));
    }
    // summed a batch at a time: one stream element per batch, not per line
    return completeWithFuture(
        direct(batches.runWith(Sink.fold(new IngestSummary(), IngestSummary::addAll), system))
            .thenApply(
                summary -> stall.get() ? stalled(summary, lastLine.get()) : answer(summary)));
  }

  private static HttpResponse answer(IngestSummary summary) {
    return Json.response(
        summary.allDurable() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, summary.body());
  }

  private HttpResponse stalled(IngestSummary summary, long lastLine) {
    IngestSummary.Body body = summary.body();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("error", stallMessage(lastLine));
    answer.put("lastLine", lastLine);
    answer.put("accepted", body.accepted());
    answer.put("duplicates", body.duplicates());
    answer.put("rejected", body.rejected());
    answer.put("failed", body.failed());
    answer.put("errors", body.errors());
    return Json.response(StatusCodes.REQUEST_TIMEOUT, answer).addHeader(Connection.create("close"));
  }

  private ByteString stallLine(long lastLine) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("error", stallMessage(lastLine));
    error.put("lastLine", lastLine);
    return ByteString.fromArrayUnsafe(Json.bytes(error)).concat(ByteString.fromString("\n"));
  }

  private String stallMessage(long lastLine) {
    return "request body stalled: no byte for "
        + limits.bodyStallTimeout().toSeconds()
        + " s (shelfstream.ingest.body-stall-timeout), so the request was ended after line "
        + lastLine
        + "; the lines up to it are answered, resend the ones after it. To keep a stream open,"
        + " send a blank line more often than that.";
  }

  /**
   * The client's address as the connection sees it (not X-Forwarded-For, which a client can set):
   * clients behind one proxy share its limit.
   */

  /** One result line of a streamed response. */
  record LineResult(long line, String eventId, String status, String error) {}

  private static ByteString line(Outcome<Long> outcome) {
    byte[] json =
        Json.bytes(
            new LineResult(
                outcome.position(),
                outcome.eventId(),
                outcome.fate().wireName(),
                outcome.reason()));
    return ByteString.fromArrayUnsafe(json).concat(ByteString.fromString("\n"));
  }

  private static boolean isNdjson(ContentType contentType) {
    MediaType mediaType = contentType.mediaType();
    return mediaType.mainType().equals("application") && mediaType.subType().equals("x-ndjson");
  }

  private static boolean wantsStream(HttpRequest request) {
    return request
        .getHeader("Accept")
        .map(accept -> accept.value().contains("application/x-ndjson"))
        .orElse(false);
  }
}
