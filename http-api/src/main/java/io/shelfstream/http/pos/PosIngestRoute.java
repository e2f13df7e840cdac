package io.shelfstream.http.pos;

import static io.shelfstream.engine.concurrent.DirectStages.direct;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.ingest.IngestPipeline;
import io.shelfstream.engine.ingest.IngestSettings;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.ingest.PosLines;
import io.shelfstream.http.health.WriteGate;
import io.shelfstream.http.json.Json;
import io.shelfstream.protocols.pos.PosLineParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code POST /v1/pos/events}: an NDJSON body, streamed with backpressure line by line into the
 * ingestion pipeline, so a body of any size runs in bounded memory. Answers with a summary once
 * every line is durable, or, with {@code Accept: application/x-ndjson}, with one result per line as
 * each becomes durable, so that a till can keep one connection open all day.
 *
 * <p>Each request first passes the {@link WriteGate}: 503 at once while the journal's database is
 * unreachable, and so does each batch of a request in progress.
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
  private final PosLines lines = new PosLines(PosLineParser.DEFAULT_SOURCE);

  public PosIngestRoute(IngestPipeline pipeline, ActorSystem<?> system, WriteGate gate) {
    this.pipeline = pipeline;
    this.system = system;
    this.gate = gate;
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
      request.discardEntityBytes(system);
      return complete(
          Json.error(
              StatusCodes.UNSUPPORTED_MEDIA_TYPE,
              "Content-Type must be application/x-ndjson, got "
                  + request.entity().getContentType()));
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
    return ingest(request);
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

  private Route ingest(HttpRequest request) {
    IngestSettings settings = pipeline.settings();
    Source<List<Outcome<Long>>, ?> batches =
        request
            .entity()
            .getDataBytes()
            .via(lines.framing())
            .filter(line -> !line.isBlank())
            .map(lines::decode)
            .groupedWithin(settings.batchSize(), settings.batchWindow())
            .mapAsync(
                settings.parallelism(),
                batch -> gate.ingest(batch, records -> pipeline.ingest(CHANNEL, records)));
    if (wantsStream(request)) {
      Source<Outcome<Long>, ?> outcomes = batches.mapConcat(batch -> batch);
      return complete(
          HttpResponse.create()
              .withEntity(HttpEntities.create(NDJSON_CONTENT, outcomes.map(PosIngestRoute::line))));
    }
    // summed a batch at a time: one stream element per batch, not per line
    return completeWithFuture(
        direct(batches.runWith(Sink.fold(new IngestSummary(), IngestSummary::addAll), system))
            .thenApply(PosIngestRoute::answer));
  }

  private static HttpResponse answer(IngestSummary summary) {
    return Json.response(
        summary.allDurable() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, summary.body());
  }

  /** One result line of a streamed response. */
  record LineResult(long line, String eventId, String status, String error) {}

  private static ByteString line(Outcome<Long> outcome) {
    byte[] json =
        Json.bytes(
            new LineResult(
                outcome.position(),
                outcome.eventId(),
                outcome.status().wireName(),
                outcome.error()));
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
