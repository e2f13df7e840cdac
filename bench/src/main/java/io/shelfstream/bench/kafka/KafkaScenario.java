package io.shelfstream.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.Cores;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import io.shelfstream.bench.scenario.Sizes;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.truth.PoliciesJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Kafka → golden record: a topic filled before the integration exists, the integration timed until
 * it has committed every record, and beside it a plain consumer reading the same topic.
 */
public final class KafkaScenario implements Scenario {
  private static final String INTEGRATION = "bench-kafka";

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return sizes.warmUp().plusSeconds(40 + sizes.kafkaEvents() / 25_000).multipliedBy(sizes.runs());
  }

  private record Run(
      Topics.Filled filled,
      JsonNode status,
      double seconds,
      double raw,
      long mismatches,
      ProcessCpu.Use cpu) {
    double eventsPerSecond() {
      return status.path("accepted").asLong() / seconds;
    }
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    List<String> topics = new ArrayList<>();
    IntStream.rangeClosed(1, context.sizes().runs())
        .forEach(i -> topics.addAll(List.of("bench-" + i, "bench-" + i + "-warmup")));
    List<Run> runs = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(context, "kafka-broker", topics)) {
      for (int i = 1; i <= context.sizes().runs(); i++) {
        runs.add(one(context, broker, "bench-" + i));
      }
    }
    List<Double> rate = runs.stream().map(Run::eventsPerSecond).toList();
    List<Double> ratio = runs.stream().map(run -> run.eventsPerSecond() / run.raw()).toList();
    Table table =
        Table.of(
            "Runs",
            "run",
            "records",
            "accepted",
            "duplicates",
            "rejected (malformed sent)",
            "seconds",
            "events/s",
            "raw consumer records/s",
            "engine ÷ raw",
            "mismatches",
            "CPU cores: node, postgres, bench, other");
    for (int i = 0; i < runs.size(); i++) {
      Run run = runs.get(i);
      table.row(
          i + 1,
          String.format("%,d", run.filled().records()),
          String.format("%,d", run.status().path("accepted").asLong()),
          String.format("%,d", run.status().path("duplicates").asLong()),
          String.format(
              "%,d (%,d)", run.status().path("rejected").asLong(), run.filled().malformed()),
          Stats.format("%.1f", run.seconds()),
          Stats.format("%,.0f", run.eventsPerSecond()),
          Stats.format("%,.0f", run.raw()),
          Stats.format("%.3f", ratio.get(i)),
          run.mismatches(),
          Cores.of(run.cpu()));
    }
    ScenarioResult result =
        ScenarioResult.of(name(), "Kafka → golden record", method(context.sizes()))
            .summary("Kafka → golden record", Stats.describe(rate, "%,.0f") + " events/s")
            .summary("engine ÷ raw Kafka consumer", Stats.describe(ratio, "%.3f"))
            .table(table)
            .figure("eventsPerSecond", Stats.median(rate))
            .figure("engineOverRawConsumer", Stats.median(ratio))
            .figure("mismatches", runs.stream().mapToLong(Run::mismatches).sum());
    context
        .figure("http", "eventsPerSecond")
        .ifPresent(
            http ->
                result
                    .summary(
                        "Kafka ÷ HTTP (PostgreSQL)",
                        Stats.format("%.2f", Stats.median(rate) / http))
                    .figure("kafkaOverHttp", Stats.median(rate) / http));
    return result;
  }

  private Run one(ScenarioContext context, KafkaBroker broker, String topic) throws Exception {
    try (Postgres.Schema schema = context.postgres().freshSchema()) {
      Run run;
      try (Node node = Node.start(context, "kafka-" + topic, schema, List.of())) {
        WarmUp warmUp = new WarmUp();
        warmUp.send(node, SimulatedLoad.SATURATION, context.sizes().warmUp());
        warmUpKafkaPath(
            node, broker, warmUp, topic + "-warmup", context.sizes().kafkaWarmUpRecords());
        ScenarioContext.say(
            "kafka %s: producing %,d world events", topic, context.sizes().kafkaEvents());
        Topics.Filled filled =
            Topics.fill(
                broker.bootstrapServers(),
                topic,
                context.sizes().kafkaEvents(),
                PoliciesJson.parse(new NodeClient(node.uri()).policies()));
        context.postgres().checkpoint();
        ProcessCpu cpu = ProcessCpu.start(Map.of("node", node.pid()));
        long started = System.nanoTime();
        Integrations.create(node.uri(), INTEGRATION, broker.bootstrapServers(), topic);
        JsonNode status = Integrations.awaitCaughtUp(node.uri(), INTEGRATION, filled.records());
        double seconds = (System.nanoTime() - started) / 1e9;
        ProcessCpu.Use use = cpu.stop();
        long mismatches = SimulatedLoad.check(node.uri(), filled.truth());
        run = new Run(filled, status, seconds, 0, mismatches, use);
      }
      double raw =
          Topics.rawRecordsPerSecond(broker.bootstrapServers(), topic, run.filled().records());
      ScenarioContext.say(
          "kafka %s: %,.0f events/s, raw consumer %,.0f records/s",
          topic, run.eventsPerSecond(), raw);
      return new Run(run.filled(), run.status(), run.seconds(), raw, run.mismatches(), run.cpu());
    }
  }

  /**
   * Reads warm-up lines through an integration of their own, then deletes it: the HTTP warm-up
   * leaves the Kafka path (consumer, committer, their streams) for the JIT to compile.
   */
  public static void warmUpKafkaPath(
      Node node, KafkaBroker broker, WarmUp warmUp, String topic, int records)
      throws IOException, InterruptedException {
    Topics.produce(broker.bootstrapServers(), topic, warmUp.lines(records));
    Integrations.create(node.uri(), "bench-warmup", broker.bootstrapServers(), topic);
    Integrations.awaitCaughtUp(node.uri(), "bench-warmup", records);
    Integrations.delete(node.uri(), "bench-warmup");
  }

  private static String method(Sizes sizes) {
    return String.format(
        "Each run: a fresh node on a fresh PostgreSQL schema, warmed up over HTTP as in the HTTP"
            + " scenario (%d s), then over Kafka (%,d records through an integration of their"
            + " own, deleted after); %,d world events of the HTTP scenario's world and noise"
            + " (without the malformed kind Kafka makes valid) produced by the simulator's Kafka"
            + " emitter into a topic of %d partitions of devkit's single-node KRaft broker, before"
            + " the integration exists. Then a CHECKPOINT, `PUT /v1/integrations/bench-kafka`"
            + " (max-poll-records %d) and its status every 100 ms until `details.totalLag` is 0"
            + " and every record is read. **events/s** = accepted ÷ seconds from the PUT. Beside"
            + " it a plain kafka-clients consumer (own group, byte arrays, %d records per poll)"
            + " reads the same topic from the start. Kafka ÷ HTTP divides this median by the"
            + " HTTP scenario's, in the same bench run.",
        sizes.warmUp().toSeconds(),
        sizes.kafkaWarmUpRecords(),
        sizes.kafkaEvents(),
        KafkaBroker.PARTITIONS,
        Integrations.MAX_POLL_RECORDS,
        Integrations.MAX_POLL_RECORDS);
  }
}
