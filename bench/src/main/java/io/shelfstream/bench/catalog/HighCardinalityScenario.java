package io.shelfstream.bench.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.kafka.Integrations;
import io.shelfstream.bench.kafka.Topics;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import io.shelfstream.devkit.process.ChildJvm;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 24's catalog: a large skewed catalog drained by Shelfstream over Kafka, Shelfstream over
 * HTTP and the peer pipeline (Kafka Connect + the Debezium JDBC sink), side by side in each round
 * ({@code --full}: three, in rotating order, so that no target is always first or last), each on a
 * fresh schema and broker, every target on the same events.
 */
public final class HighCardinalityScenario implements Scenario {
  static final String KAFKA = "shelfstream-kafka";
  static final String HTTP = "shelfstream-http";
  static final String PEER = "peer";
  private static final String TOPIC = "pos-catalog";
  private static final int BATCH = 1000;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One target's round, from its first event written: a row of the raw runs. */
  record Row(
      int round,
      String target,
      double eventsPerSecond,
      Map<String, Double> cpuMicrosPerEvent,
      double eventsPerJournalEntry,
      String check) {}

  @Override
  public String name() {
    return "high-cardinality";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(60 + sizes.catalogEvents() / 4_000).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    var workload =
        CatalogWorkload.skewed(200, 50_000, context.sizes().catalogEvents(), 0.6, 0.3, 24);
    var sample = workload.sample(200, 25);
    List<Row> rows = new ArrayList<>();
    List<String> order = new ArrayList<>(List.of(KAFKA, HTTP, PEER));
    for (int round = 1; round <= context.sizes().runs(); round++) {
      for (String target : order) {
        ScenarioContext.say("high-cardinality: round %d, %s", round, target);
        var lines = new CatalogLines(workload);
        rows.add(
            switch (target) {
              case KAFKA -> kafka(context, lines, workload.size(), sample, round);
              case HTTP -> http(context, lines, workload.size(), sample, round);
              default -> peer(context, lines, workload.size(), sample, round);
            });
      }
      Collections.rotate(order, 1);
    }
    var parameters = Map.of("events", workload.size(), "distinct", workload.distinctRecords());
    var result =
        ScenarioResult.of(name(), "High cardinality: Shelfstream and the peer pipeline", parameters)
            .runs("every target, from its first event", rows);
    for (String target : List.of(KAFKA, HTTP)) {
      List<Double> drain = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (Row row : rows.stream().filter(row -> row.target().equals(target)).toList()) {
        rows.stream()
            .filter(peer -> peer.target().equals(PEER) && peer.round() == row.round())
            .forEach(
                peer -> {
                  drain.add(row.eventsPerSecond() / peer.eventsPerSecond());
                  cpu.add(total(row) / total(peer));
                });
      }
      result
          .summary(
              target + " ÷ peer, drain rate (from the first event)", Stats.describe(drain, "%.2f×"))
          .summary(target + " ÷ peer, CPU per event, all processes", Stats.describe(cpu, "%.2f×"))
          .figure(target + ".drainRatio", Stats.median(drain))
          .figure(target + ".cpuRatio", Stats.median(cpu));
    }
    return result;
  }

  private static double total(Row row) {
    return row.cpuMicrosPerEvent().get("total");
  }

  /** Every event in the topic first; then the integration, drained when its lag is 0. */
  private static Row kafka(
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
        Integrations.create(node.uri(), "hc-kafka", broker.bootstrapServers(), TOPIC, 2000);
        JsonNode status = Integrations.awaitCaughtUp(node.uri(), "hc-kafka", events, drain::seen);
        long accepted = status.path("accepted").asLong();
        return row(round, KAFKA, accepted, drain.stop(accepted), context, schema, node, sample);
      }
    }
  }

  /** 8 senders POST 1,000-line batches, encoded before the clock starts. */
  private static Row http(
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
      return row(round, HTTP, events, drain.stop(events), context, schema, node, sample);
    }
  }

  private static Row row(
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

  private static Row row(
      int round,
      String target,
      Drain.Measured drain,
      double perEntry,
      int sampled,
      int mismatches) {
    ScenarioContext.say(
        "%s: %.1f s, %,.0f events/s from the first event written, %d of %d sampled records differ",
        target,
        drain.fromStart().seconds(),
        drain.fromFirst().eventsPerSecond(),
        mismatches,
        sampled);
    return new Row(
        round,
        target,
        drain.fromFirst().eventsPerSecond(),
        drain.fromFirst().microsPerEvent(),
        perEntry,
        sampled + " checked, " + mismatches + " mismatches");
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  /** The same events as Connect JSON in its topic; then Connect, drained when every row is in. */
  private static Row peer(
      ScenarioContext context,
      CatalogLines lines,
      int events,
      List<CatalogWorkload.Expected> sample,
      int round)
      throws Exception {
    String name = PEER + "-" + round;
    try (KafkaBroker broker = KafkaBroker.start(context, name + "-broker", List.of(TOPIC));
        Postgres.Schema schema = context.postgres().freshSchema()) {
      Topics.produce(broker.bootstrapServers(), TOPIC, events, lines::peerKey, lines::peerValue);
      context.postgres().checkpoint();
      String url = schema.url() + "&reWriteBatchedInserts=true";
      try (ChildJvm connect =
          PeerConnect.start(context, name, broker.bootstrapServers(), TOPIC, url)) {
        Drain drain = new Drain(Map.of("connect", connect.pid(), "broker", broker.pid()));
        awaitRows(context.postgres(), schema.name(), connect, drain, events);
        return row(
            round, PEER, drain.stop(events), 0, sample.size(), mismatches(context, schema, sample));
      }
    }
  }

  /**
   * Watches the table's insert statistics (cheap, but up to seconds late), then counts the rows
   * exactly once they say nearly all are in: a count(*) of a million rows every poll would add
   * PostgreSQL CPU to the peer's figures.
   */
  private static void awaitRows(
      Postgres postgres, String schema, ChildJvm connect, Drain drain, long events)
      throws Exception {
    String inserted =
        "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = '"
            + schema
            + "' AND relname = '"
            + PeerConnect.TABLE
            + "'";
    AtomicLong seen = new AtomicLong();
    long lastChange = System.nanoTime();
    long deadline = lastChange + DRAIN_TIMEOUT.toNanos();
    try (var progress =
        ScenarioContext.every10Seconds(
            () -> String.format("peer: %,d rows of %,d", seen.get(), events))) {
      while (System.nanoTime() < deadline) {
        long stats = postgres.queryLong(inserted);
        if (stats != seen.getAndSet(stats)) {
          lastChange = System.nanoTime();
        }
        drain.seen(stats);
        boolean stalled = stats > 0 && System.nanoTime() - lastChange > 2_000_000_000L;
        if (stats >= events * 95 / 100 || stalled) {
          long rows =
              postgres.queryLong("SELECT count(*) FROM " + schema + "." + PeerConnect.TABLE);
          drain.seen(rows);
          if (rows >= events) {
            return;
          }
        }
        connect.checkAlive();
        Thread.sleep(200);
      }
    }
    throw new TimeoutException(
        "the peer wrote "
            + seen.get()
            + " of "
            + events
            + " rows in 30 min; Connect's log ends:\n"
            + connect.logTail(15));
  }

  /** The sample's sums over the peer's rows, in one query. */
  private static int mismatches(
      ScenarioContext context, Postgres.Schema schema, List<CatalogWorkload.Expected> sample)
      throws Exception {
    String sql =
        "SELECT e.location_id, e.sku, sum(CASE WHEN e.type = 'sale' THEN -e.qty ELSE e.qty END),"
            + " count(*) FROM "
            + schema.name()
            + "."
            + PeerConnect.TABLE
            + " e JOIN (VALUES "
            + String.join(",", Collections.nCopies(sample.size(), "(?, ?)"))
            + ") k(location_id, sku) ON e.location_id = k.location_id AND e.sku = k.sku"
            + " GROUP BY e.location_id, e.sku";
    Map<String, List<Long>> found = new HashMap<>();
    try (Connection connection = context.postgres().connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < sample.size(); i++) {
        statement.setString(2 * i + 1, sample.get(i).locationId());
        statement.setString(2 * i + 2, sample.get(i).sku());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(
              rows.getString(1) + "/" + rows.getString(2),
              List.of(rows.getLong(3), rows.getLong(4)));
        }
      }
    }
    int mismatches = 0;
    for (CatalogWorkload.Expected expected : sample) {
      List<Long> sums = found.get(expected.locationId() + "/" + expected.sku());
      if (!List.of(expected.onHand(), (long) expected.movements()).equals(sums)) {
        mismatches++;
        ScenarioContext.say("  %s but the peer's rows sum to %s", expected, sums);
      }
    }
    return mismatches;
  }
}
