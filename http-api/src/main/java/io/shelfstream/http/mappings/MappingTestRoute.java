package io.shelfstream.http.mappings;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.http.json.Json;
import io.shelfstream.protocols.mapping.MappingError;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.MappingResult;
import io.shelfstream.protocols.mapping.record.Record;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * {@code POST /v1/mappings/test}: compiles a mapping (or a built-in layout) and applies it to
 * sample records, answering for each record the events it would give, in the POS wire format, or
 * its errors. Nothing is ingested. An invalid mapping is a 400 naming each problem's target field.
 * The body is read whole, so it is capped at {@link #MAX_BODY_BYTES}.
 */
public final class MappingTestRoute extends AllDirectives {
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** Events listed in one answer; a sample record fanning out to more is cut short, and says so. */
  static final int MAX_EVENTS_SHOWN = 10_000;

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final MappingOptions mappingOptions;

  /** A node without a pii key: mappings that hash are refused. */
  public MappingTestRoute() {
    this(MappingOptions.NONE);
  }

  /** {@code mappingOptions}: what mappings are compiled with (the node's pii key). */
  public MappingTestRoute(MappingOptions mappingOptions) {
    this.mappingOptions = mappingOptions;
  }

  public Route route() {
    return path(
        segment("v1").slash("mappings").slash("test"),
        () -> post(() -> withoutSizeLimit(() -> extractRequestEntity(this::read))));
  }

  private Route read(HttpEntity entity) {
    var length = entity.getContentLengthOption();
    if (length.isPresent() && length.getAsLong() > MAX_BODY_BYTES) {
      return complete(tooLarge());
    }
    return extractMaterializer(
        materializer ->
            onComplete(
                entity
                    .withSizeLimit(MAX_BODY_BYTES)
                    .toStrict(READ_TIMEOUT.toMillis(), materializer),
                read -> {
                  if (read.isSuccess()) {
                    return complete(answer(read.get().getData().toArray()));
                  }
                  Throwable failure = read.failed().get();
                  return failure instanceof EntityStreamSizeException
                      ? complete(tooLarge())
                      : failWith(failure);
                }));
  }

  HttpResponse answer(byte[] body) {
    JsonNode json;
    try {
      json = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      return invalid(
          "invalid request",
          List.of(new ConfigError("body", "not valid JSON (" + e.getOriginalMessage() + ")")));
    } catch (IOException e) {
      return invalid("invalid request", List.of(new ConfigError("body", "unreadable")));
    }
    MappingTestRequest.Read read = MappingTestRequest.of(json, mappingOptions);
    if (read instanceof MappingTestRequest.Invalid invalid) {
      return invalid(invalid.error(), invalid.errors());
    }
    return Json.ok(results(((MappingTestRequest.Valid) read).request()));
  }

  private static Map<String, Object> results(MappingTestRequest request) {
    List<Map<String, Object>> results = new ArrayList<>();
    int mapped = 0;
    int failed = 0;
    int shown = 0;
    boolean truncated = false;
    for (int i = 0; i < request.records().size(); i++) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("record", i);
      Record record = request.records().get(i);
      MappingResult outcome = request.mapping().apply(record);
      if (outcome instanceof MappingResult.Mapped events) {
        mapped++;
        List<Object> wire = new ArrayList<>();
        for (var event : events.events()) {
          if (shown++ >= MAX_EVENTS_SHOWN) {
            truncated = true;
            break;
          }
          wire.add(WireEvents.of(event));
        }
        result.put("events", wire);
      } else {
        failed++;
        result.put("errors", errors(((MappingResult.Failed) outcome).errors()));
      }
      results.add(result);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("mapped", mapped);
    answer.put("failed", failed);
    if (truncated) {
      answer.put("truncated", "only the first " + MAX_EVENTS_SHOWN + " events are listed");
    }
    answer.put("results", results);
    return answer;
  }

  private static List<Map<String, String>> errors(List<MappingError> errors) {
    return errors.stream()
        .map(
            error -> {
              Map<String, String> named = new LinkedHashMap<>();
              named.put("target", error.target());
              named.put("source", error.source());
              named.put("reason", error.reason());
              return named;
            })
        .toList();
  }

  private static HttpResponse invalid(String error, List<ConfigError> errors) {
    return Json.response(StatusCodes.BAD_REQUEST, Map.of("error", error, "errors", errors));
  }

  private static HttpResponse tooLarge() {
    return Json.error(
        StatusCodes.PAYLOAD_TOO_LARGE,
        "the body is larger than "
            + MAX_BODY_BYTES
            + " bytes: test a mapping on a sample of records, then ingest the rest");
  }
}
