package io.shelfstream.http.push;

import static io.shelfstream.engine.concurrent.DirectStages.direct;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.shelfstream.engine.ingest.Decoded;
import io.shelfstream.engine.ingest.IngestPipeline;
import io.shelfstream.engine.ingest.IngestSettings;
import io.shelfstream.engine.ingest.Outcome;
import io.shelfstream.engine.integration.IntegrationCounters;
import io.shelfstream.engine.integration.IntegrationRegistry;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.Integrations;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.MappedRecords;
import io.shelfstream.http.auth.Principal;
import io.shelfstream.http.auth.Principals;
import io.shelfstream.http.auth.SourceScope;
import io.shelfstream.http.health.WriteGate;
import io.shelfstream.http.json.Json;
import io.shelfstream.http.limits.IngestLimits;
import io.shelfstream.http.limits.StreamPermits;
import io.shelfstream.protocols.mapping.MappingOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Connection;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.pf.PFBuilder;
import org.apache.pekko.stream.Graph;
import org.apache.pekko.stream.SourceShape;
import org.apache.pekko.stream.StreamIdleTimeoutException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.scaladsl.Framing.FramingException;
import org.apache.pekko.util.ByteString;

/**
 * {@code POST /v1/integrations/{id}/records}: records of an {@code http} integration's own shape,
 * as a JSON array ({@code application/json}) or NDJSON ({@code application/x-ndjson}), mapped by
 * its mapping and streamed with backpressure into the ingestion pipeline, so a body of any size
 * runs in bounded memory. Answers as {@code POST /v1/pos/events} does, once every record is
 * durable: counts, and the errors of each failed record with its index (or line) and every failed
 * field. 404 for no such integration; 409, saying why, for one that takes no records (another type,
 * or paused). Passes the same {@link WriteGate} and {@link StreamPermits} as POS bodies.
 */
public final class RecordsRoute extends AllDirectives {
  private final Integrations integrations;
  private final PushTargets targets;
  private final IngestPipeline pipeline;
  private final ActorSystem<?> system;
  private final PushAdmission admission;
  private final IngestLimits limits;
  private final MappingOptions mappingOptions;
  private final ConcurrentMap<String, Compiled> compiled = new ConcurrentHashMap<>();

  /** The settings of each integration's spec, as last posted to: specs change seldom. */
  private record Compiled(IntegrationSpec spec, HttpPushSettings settings) {}

  public RecordsRoute(
      Integrations integrations,
      PushTargets targets,
      IngestPipeline pipeline,
      ActorSystem<?> system,
      WriteGate gate,
      IngestLimits limits,
      StreamPermits permits,
      MappingOptions mappingOptions) {
    this.integrations = integrations;
    this.mappingOptions = mappingOptions;
    this.targets = targets;
    this.pipeline = pipeline;
    this.system = system;
    this.admission = new PushAdmission(gate, permits);
    this.limits = limits;
  }

  public Route route() {
    return pathPrefix(
        segment("v1").slash("integrations"),
        () ->
            path(
                PathMatchers.segment().slash("records"),
                id ->
                    post(
                        () ->
                            withoutSizeLimit(
                                () ->
                                    withoutRequestTimeout(
                                        () ->
                                            extractRequest(
                                                request ->
                                                    onSuccess(
                                                        integrations.entry(id),
                                                        entry -> admit(id, entry, request))))))));
  }

  private Route admit(String id, Optional<IntegrationRegistry.Entry> found, HttpRequest request) {
    if (found.isEmpty()) {
      return complete(PushAdmission.refusal(StatusCodes.NOT_FOUND, "no integration " + id, false));
    }
    IntegrationRegistry.Entry entry = found.get();
    if (!entry.spec().type().equals(HttpPushSettings.TYPE)) {
      return complete(
          PushAdmission.refusal(
              StatusCodes.CONFLICT,
              "integration "
                  + id
                  + " is of type "
                  + entry.spec().type()
                  + ": it reads its records itself; records are posted only to integrations"
                  + " of type http",
              false));
    }
    if (entry.paused()) {
      return complete(
          PushAdmission.refusal(
              StatusCodes.CONFLICT,
              "integration " + id + " is paused: resume it to post records",
              true));
    }
    HttpPushSettings settings;
    try {
      settings = settings(entry.spec());
    } catch (InvalidIntegrationException invalid) {
      return complete(
          PushAdmission.refusal(
              StatusCodes.CONFLICT,
              "integration " + id + " cannot take records: " + invalid.getMessage(),
              false));
    }
    Optional<Boolean> json = bodyKind(request);
    if (json.isEmpty()) {
      return complete(
          PushAdmission.refusal(
              StatusCodes.UNSUPPORTED_MEDIA_TYPE,
              "Content-Type must be application/json (an array of records) or"
                  + " application/x-ndjson (a record per line), got "
                  + request.entity().getContentType(),
              false));
    }
    PushAdmission.Verdict verdict = admission.admit(request);
    if (verdict instanceof PushAdmission.Admitted admitted) {
      return ingest(entry.spec(), settings, json.get(), request, admitted.permit());
    }
    return complete(((PushAdmission.Refused) verdict).response());
  }

  private HttpPushSettings settings(IntegrationSpec spec) {
    Compiled last = compiled.get(spec.id());
    if (last != null && last.spec().equals(spec)) {
      return last.settings();
    }
    HttpPushSettings settings = HttpPushSettings.of(spec, mappingOptions);
    compiled.put(spec.id(), new Compiled(spec, settings));
    return settings;
  }

  private Route ingest(
      IntegrationSpec spec,
      HttpPushSettings settings,
      boolean jsonArray,
      HttpRequest request,
      StreamPermits.Permit permit) {
    var mapped = new MappedRecords(settings.mapping(), settings.defaultSource());
    var bodyError = new AtomicReference<BodyError>();
    var lastPosition = new AtomicLong(jsonArray ? -1 : 0);
    String channel = HttpPushSettings.TYPE + ":" + spec.id();
    Optional<IntegrationCounters> counters = targets.counters(spec.id());
    IngestSettings batching = pipeline.settings();
    Flow<ByteString, Decoded<Long>, NotUsed> records =
        jsonArray
            ? RecordBodies.jsonArray(mapped)
            : RecordBodies.ndjson(mapped, settings.defaultSource());
    Optional<Principal> scoped = Principals.of(request).filter(Principal::scoped);
    Source<List<Outcome<Long>>, NotUsed> batches =
        request
            .entity()
            .getDataBytes()
            .idleTimeout(limits.bodyStallTimeout())
            .via(records)
            .map(decoded -> scoped.map(scope -> SourceScope.apply(scope, decoded)).orElse(decoded))
            // a stalled or malformed body ends the input: what was read is still answered
            .recoverWithRetries(
                1,
                new PFBuilder<Throwable, Graph<SourceShape<Decoded<Long>>, NotUsed>>()
                    .match(
                        StreamIdleTimeoutException.class,
                        stall -> {
                          bodyError.set(new BodyError(StatusCodes.REQUEST_TIMEOUT, stallMessage()));
                          return Source.empty();
                        })
                    .match(
                        FramingException.class,
                        malformed -> {
                          bodyError.set(
                              new BodyError(
                                  StatusCodes.BAD_REQUEST,
                                  "the body is not a JSON array of objects from there on ("
                                      + malformed.getMessage()
                                      + "): the records before are answered, resend the rest"));
                          return Source.empty();
                        })
                    .build())
            .groupedWithin(batching.batchSize(), batching.batchWindow())
            .mapAsync(
                batching.parallelism(),
                batch -> admission.gate().ingest(batch, ready -> pipeline.ingest(channel, ready)))
            .map(
                outcomes -> {
                  counters.ifPresent(counting -> counting.countAll(outcomes));
                  lastPosition.set(outcomes.get(outcomes.size() - 1).position());
                  return outcomes;
                })
            .watchTermination(
                (notUsed, done) -> {
                  done.whenComplete((ended, error) -> permit.release());
                  return NotUsed.getInstance();
                });
    return completeWithFuture(
        direct(batches.runWith(Sink.fold(new PushSummary(!jsonArray), PushSummary::addAll), system))
            .thenApply(summary -> answer(summary, bodyError.get(), lastPosition.get())));
  }

  /** Why reading a body stopped before its end. */
  private record BodyError(StatusCode status, String error) {}

  private static HttpResponse answer(PushSummary summary, BodyError bodyError, long lastPosition) {
    if (bodyError == null) {
      return Json.response(
          summary.allDurable() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, summary.body());
    }
    PushSummary.Body body = summary.body();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("error", bodyError.error());
    answer.put("lastRead", lastPosition);
    answer.put("accepted", body.accepted());
    answer.put("duplicates", body.duplicates());
    answer.put("rejected", body.rejected());
    answer.put("failed", body.failed());
    answer.put("errors", body.errors());
    return Json.response(bodyError.status(), answer).addHeader(Connection.create("close"));
  }

  private String stallMessage() {
    return "request body stalled: no byte for "
        + limits.bodyStallTimeout().toSeconds()
        + " s (shelfstream.ingest.body-stall-timeout); the records read so far are answered,"
        + " resend the ones after lastRead";
  }

  private static Optional<Boolean> bodyKind(HttpRequest request) {
    MediaType type = request.entity().getContentType().mediaType();
    if (!type.mainType().equals("application")) {
      return Optional.empty();
    }
    return switch (type.subType()) {
      case "json" -> Optional.of(true);
      case "x-ndjson" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
