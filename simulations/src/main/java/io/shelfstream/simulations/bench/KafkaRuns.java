package io.shelfstream.simulations.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.simulations.check.CheckReport;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.truth.PoliciesJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Kafka run: a fresh node on a fresh schema, a topic filled before the integration exists, then
 * the integration created and timed until it has committed every record; then a plain consumer
 * reads the same topic for the raw rate.
 */
final class KafkaRuns {

  static final String INTEGRATION = "bench-kafka";
  private static final String WARM_UP_INTEGRATION = "bench-kafka-warmup";

  /** Lines of the Kafka warm-up: about 20 s of reading at the rates measured here. */
  static final int WARM_UP_RECORDS = 200_000;

  private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration RAW_TIMEOUT = Duration.ofMinutes(5);

  /**
   * @param seconds from the PUT creating the integration until its status showed totalLag 0 with
   *     every record read
   * @param check the golden-record check (null when not checked)
   */
  record Run(
      String label,
      boolean counted,
      long produced,
      long malformedProduced,
      double produceSeconds,
      double seconds,
      long read,
      long accepted,
      long duplicates,
      long rejected,
      CpuMeter.Use cpu,
      CheckReport check,
      RawConsumer.Read raw) {

    double acceptedPerSecond() {
      return accepted / seconds;
    }

    double rawPerSecond() {
      return raw.recordsPerSecond();
    }

    Run withRaw(RawConsumer.Read read) {
      return new Run(
          label,
          counted,
          produced,
          malformedProduced,
          produceSeconds,
          seconds,
          this.read,
          accepted,
          duplicates,
          rejected,
          cpu,
          check,
          read);
    }
  }

  private KafkaRuns() {}

  static Run one(
      BenchContext context,
      KafkaBrokerProcess broker,
      String topic,
      long worldEvents,
      String label,
      boolean counted,
      List<String> jvmOptions,
      AfterLoad afterLoad)
      throws Exception {
    Run measured;
    KafkaProduce.Produced produced;
    try (Postgres.Schema schema = context.postgres().freshSchema();
        NodeProcess node =
            NodeProcess.start(
                context,
                "kafka-" + topic,
                new NodeDatabase.OnPostgres(context.postgres(), schema),
                jvmOptions)) {
      HttpRuns.warmUp(context, node);
      warmUpKafkaPath(broker, warmUpTopic(topic), node);
      produced =
          KafkaProduce.fill(
              broker.bootstrapServers(),
              topic,
              worldEvents,
              PoliciesJson.parse(new NodeClient(node.uri()).policies()));
      Console.info(
          "kafka %s: %,d records in topic %s; creating the integration",
          label, produced.records(), topic);
      IntegrationApi api = new IntegrationApi(node.uri());
      context.postgres().checkpoint("the measured run");
      CpuMeter meter = CpuMeter.start(node.pid());
      Instant started = Instant.now();
      long start = System.nanoTime();
      api.createKafka(INTEGRATION, broker.bootstrapServers(), topic, KafkaBench.MAX_POLL_RECORDS);
      JsonNode status = awaitCaughtUp(api, INTEGRATION, produced.records());
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuMeter.Use cpu = meter.stop();
      afterLoad.accept(node, started, Instant.now());
      CheckReport check = counted ? HttpLoad.check(node.uri(), produced.truth()) : null;
      measured =
          new Run(
              label,
              counted,
              produced.records(),
              produced.malformed(),
              produced.seconds(),
              seconds,
              status.path("read").asLong(),
              status.path("accepted").asLong(),
              status.path("duplicates").asLong(),
              status.path("rejected").asLong(),
              cpu,
              check,
              null);
    }
    RawConsumer.Read raw =
        RawConsumer.readAll(broker.bootstrapServers(), topic, produced.records(), RAW_TIMEOUT);
    return measured.withRaw(raw);
  }

  /** The topic of the Kafka warm-up before a run reading {@code topic} (the broker makes both). */
  static String warmUpTopic(String topic) {
    return topic + "-warmup";
  }

  /**
   * Reads warm-up lines (entities of their own, see NodeWarmUp) through an integration of their
   * own, then deletes it: the HTTP warm-up leaves the Kafka path (consumer, committer, their
   * streams) to be compiled by the JIT during a measured run of 10 to 15 s.
   */
  private static void warmUpKafkaPath(KafkaBrokerProcess broker, String topic, NodeProcess node)
      throws IOException, InterruptedException {
    List<String> lines = NodeWarmUp.lines(node, WARM_UP_RECORDS);
    KafkaProduce.lines(broker.bootstrapServers(), topic, lines);
    IntegrationApi api = new IntegrationApi(node.uri());
    long started = System.nanoTime();
    api.createKafka(
        WARM_UP_INTEGRATION, broker.bootstrapServers(), topic, KafkaBench.MAX_POLL_RECORDS);
    awaitCaughtUp(api, WARM_UP_INTEGRATION, lines.size());
    api.delete(WARM_UP_INTEGRATION);
    Console.info(
        "  Kafka path warmed up: %,d records in %.0f s, not counted",
        lines.size(), (System.nanoTime() - started) / 1e9);
  }

  /** Polls the status until every record is read and committed: totalLag 0. */
  private static JsonNode awaitCaughtUp(IntegrationApi api, String integration, long records)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + INGEST_TIMEOUT.toNanos();
    long nextReport = System.nanoTime();
    while (System.nanoTime() < deadline) {
      JsonNode status = api.status(integration);
      JsonNode lag = status.path("details").path("totalLag");
      if (lag.isNumber() && lag.asLong() == 0 && status.path("read").asLong() >= records) {
        return status;
      }
      if ("failed".equals(status.path("state").asText())) {
        throw new IOException("the integration failed: " + status);
      }
      if (System.nanoTime() >= nextReport) {
        Console.info(
            "  integration %s: read %,d of %,d, accepted %,d, lag %s",
            status.path("state").asText(),
            status.path("read").asLong(),
            records,
            status.path("accepted").asLong(),
            lag.asText("?"));
        nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      }
      Thread.sleep(100);
    }
    throw new IOException(
        "the integration did not catch up within "
            + INGEST_TIMEOUT.toMinutes()
            + " min: "
            + api.status(integration));
  }
}
