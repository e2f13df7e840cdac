package io.shelfstream.bench.catalog;

import static io.shelfstream.bench.catalog.HighCardinalityScenario.DRAIN_TIMEOUT;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.HTTP;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.KAFKA;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.TOPIC;
import static io.shelfstream.bench.catalog.HighCardinalityScenario.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.catalog.HighCardinalityScenario.Row;
import io.shelfstream.bench.kafka.Topics;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.node.Integrations;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.ScenarioContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Shelfstream's two targets: over Kafka (the topic filled first, then an integration, drained when
 * its lag is 0) and over HTTP; each checks the sample against the node's golden records.
 */
final class ShelfstreamTargets {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 1000;

  private ShelfstreamTargets() {}

  /** Every event in the topic first; then the integration, drained when its lag is 0. */
  static Row kafka(
      ScenarioContext context,
      CatalogLines lines,
      int events,
      List<CatalogWorkload.Expected> sample,
      int round)
      throws Exception {
    try (KafkaBroker broker =
        KafkaBroker.start(context, KAFKA + "-broker-" + round, List.of(TOPIC))) {
      Topics.produce(
          broker.bootstrapServers(),
          TOPIC,
          events,
          event -> lines.eventId(event).getBytes(StandardCharsets.UTF_8),
          event -> lines.posLine(event).getBytes(StandardCharsets.UTF_8));
      try (Postgres.Schema schema = context.postgres().freshSchema();
          Node node = Node.start(context, KAFKA + "-" + round, schema, List.of())) {
        context.postgres().checkpoint();
        Drain drain = new Drain(Map.of("node", node.pid(), "broker", broker.pid()));
        JsonNode status =
            Integrations.drain(
                node.uri(),
                "hc-kafka",
                broker.bootstrapServers(),
                TOPIC,
                2000,
                events,
                drain::seen);
        long accepted = status.path("accepted").asLong();
        return checked(round, KAFKA, accepted, drain.stop(accepted), context, schema, node, sample);
      }
    }
  }

  /** 8 senders POST 1,000-line batches, encoded before the clock starts. */
  static Row http(
      ScenarioContext context,
      CatalogLines lines,
      int events,
      List<CatalogWorkload.Expected> sample,
      int round)
      throws Exception {
    byte[][] bodies = new byte[(events + BATCH - 1) / BATCH][];
    Arrays.setAll(bodies, b -> lines.posBody(b * BATCH, Math.min(events, (b + 1) * BATCH)));
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, HTTP + "-" + round, schema, List.of())) {
      context.postgres().checkpoint();
      Drain drain = new Drain(Map.of("node", node.pid()));
      Posts.Batches batches = batch -> batch < bodies.length ? bodies[(int) batch] : null;
      if (Posts.send(node.uri(), 8, batches, DRAIN_TIMEOUT, HTTP) < bodies.length) {
        throw new TimeoutException("the HTTP target did not send every batch within 30 min");
      }
      return checked(round, HTTP, events, drain.stop(events), context, schema, node, sample);
    }
  }

  private static Row checked(
      int round,
      String target,
      long events,
      Drain.Measured drain,
      ScenarioContext context,
      Postgres.Schema schema,
      Node node,
      List<CatalogWorkload.Expected> sample)
      throws Exception {
    int mismatches = 0;
    for (CatalogWorkload.Expected expected : sample) {
      String path = encode(expected.locationId()) + "/" + encode(expected.sku());
      String found;
      try {
        JsonNode record =
            JSON.readTree(
                Posts.exchange(
                    HttpRequest.newBuilder(node.uri().resolve("/v1/inventory/" + path))));
        found =
            record.path("onHand") + " over " + record.path("provenance").path("movementsApplied");
      } catch (IOException e) {
        found = e.getMessage();
      }
      if (!found.equals(expected.onHand() + " over " + expected.movements())) {
        mismatches++;
        ScenarioContext.say("  %s but the node has %s", expected, found);
      }
    }
    long journal =
        context.postgres().queryLong("SELECT count(*) FROM " + schema.name() + ".event_journal");
    return row(round, target, drain, (double) events / journal, sample.size(), mismatches);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }
}
