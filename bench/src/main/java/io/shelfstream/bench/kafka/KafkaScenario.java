package io.shelfstream.bench.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Integrations;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import io.shelfstream.simulations.check.NodeClient;
import io.shelfstream.simulations.emit.Bearer;
import io.shelfstream.simulations.truth.PoliciesJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka → golden record: a topic filled before the integration exists, the integration timed until
 * it has committed every record, and beside it a plain consumer reading the same topic.
 */
public final class KafkaScenario implements Scenario {
  private static final String INTEGRATION = "bench-kafka";

  /** One run; engine ÷ raw = accepted events/s ÷ the raw consumer's records/s. */
  record Run(
      long records,
      long accepted,
      long duplicates,
      long rejected,
      long malformedSent,
      double seconds,
      double eventsPerSecond,
      double rawConsumerRecordsPerSecond,
      double engineOverRaw,
      long mismatches,
      Map<String, Double> cpuCores) {}

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return sizes.warmUp().plusSeconds(40 + sizes.kafkaEvents() / 25_000).multipliedBy(sizes.runs());
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    List<String> topics = new ArrayList<>();
    for (int i = 1; i <= sizes.runs(); i++) {
      topics.addAll(List.of("bench-" + i, "bench-" + i + "-warmup"));
    }
    List<Run> runs = new ArrayList<>();
    try (KafkaBroker broker = KafkaBroker.start(context, "kafka-broker", topics)) {
      for (int i = 1; i <= sizes.runs(); i++) {
        runs.add(one(context, broker, "bench-" + i));
      }
    }
    List<Double> rate = runs.stream().map(Run::eventsPerSecond).toList();
    var parameters =
        Map.of(
            "warmUpSeconds", sizes.warmUp().toSeconds(),
            "warmUpRecords", sizes.kafkaWarmUpRecords(),
            "events", sizes.kafkaEvents(),
            "partitions", KafkaBroker.PARTITIONS,
            "maxPoll", Integrations.MAX_POLL_RECORDS);
    ScenarioResult result =
        ScenarioResult.of(name(), "Kafka → golden record", parameters)
            .summary("Kafka → golden record", Stats.describe(rate, "%,.0f") + " events/s")
            .summary(
                "engine ÷ raw Kafka consumer",
                Stats.describe(runs.stream().map(Run::engineOverRaw).toList(), "%.3f"))
            .runs("Runs", runs)
            .figure("eventsPerSecond", Stats.median(rate))
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
    String servers = broker.bootstrapServers();
    Topics.Filled filled;
    JsonNode status;
    double seconds;
    ProcessCpu.Use cpu;
    long mismatches;
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "kafka-" + topic, schema, List.of())) {
      WarmUp warmUp = new WarmUp();
      warmUp.send(node, SimulatedLoad.SATURATION, context.sizes().warmUp());
      warmUpKafkaPath(
          node, broker, warmUp, topic + "-warmup", context.sizes().kafkaWarmUpRecords());
      ScenarioContext.say("%s: producing %,d world events", topic, context.sizes().kafkaEvents());
      var policies =
          PoliciesJson.parse(
              new NodeClient(node.uri(), new Bearer(Optional.of(Node.ADMIN_TOKEN))).policies());
      filled = Topics.fill(servers, topic, context.sizes().kafkaEvents(), policies);
      context.postgres().checkpoint();
      ProcessCpu meter = ProcessCpu.start(Map.of("node", node.pid()));
      long started = System.nanoTime();
      status = Integrations.drain(node.uri(), INTEGRATION, servers, topic, filled.records());
      seconds = (System.nanoTime() - started) / 1e9;
      cpu = meter.stop();
      mismatches = SimulatedLoad.check(node.uri(), filled.truth());
    }
    double raw = Topics.rawRecordsPerSecond(servers, topic, filled.records());
    long accepted = status.path("accepted").asLong();
    ScenarioContext.say(
        "%s: %,.0f events/s, raw consumer %,.0f records/s", topic, accepted / seconds, raw);
    return new Run(
        filled.records(),
        accepted,
        status.path("duplicates").asLong(),
        status.path("rejected").asLong(),
        filled.malformed(),
        seconds,
        accepted / seconds,
        raw,
        accepted / seconds / raw,
        mismatches,
        cpu.busyCores());
  }

  /**
   * Reads warm-up lines through an integration of their own, then deletes it: the HTTP warm-up
   * leaves the Kafka path (consumer, committer, their streams) for the JIT to compile.
   */
  public static void warmUpKafkaPath(
      Node node, KafkaBroker broker, WarmUp warmUp, String topic, int records)
      throws IOException, InterruptedException {
    Topics.produce(broker.bootstrapServers(), topic, warmUp.lines(records));
    Integrations.drain(node.uri(), "bench-warmup", broker.bootstrapServers(), topic, records);
    Integrations.delete(node.uri(), "bench-warmup");
  }
}
