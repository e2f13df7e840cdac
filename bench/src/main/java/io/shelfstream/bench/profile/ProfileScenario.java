package io.shelfstream.bench.profile;

import io.shelfstream.bench.kafka.Integrations;
import io.shelfstream.bench.kafka.KafkaScenario;
import io.shelfstream.bench.kafka.Topics;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.JfrProfile;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import io.shelfstream.bench.scenario.Sizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the node's CPU goes: one warmed-up node on PostgreSQL, recorded with JFR (started and
 * dumped by jcmd) while it takes a saturating HTTP load, then again while it reads a Kafka topic.
 */
public final class ProfileScenario implements Scenario {
  private static final int TOP_METHODS = 10;

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return sizes.warmUp().plus(sizes.profileRun()).plusSeconds(100);
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    Path httpRecording = context.runDir().resolve("profile-http.jfr");
    Path kafkaRecording = context.runDir().resolve("profile-kafka.jfr");
    JfrProfile.Summary http;
    JfrProfile.Summary kafka;
    long kafkaRecords = sizes.kafkaEvents() / 3;
    try (KafkaBroker broker =
            KafkaBroker.start(context, "profile-broker", List.of("profile", "profile-warmup"));
        Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "profile", schema, List.of())) {
      WarmUp warmUp = new WarmUp();
      warmUp.send(node, SimulatedLoad.SATURATION, sizes.warmUp());
      KafkaScenario.warmUpKafkaPath(
          node, broker, warmUp, "profile-warmup", sizes.kafkaWarmUpRecords());
      ScenarioContext.say("profile: HTTP for %d s with JFR on", sizes.profileRun().toSeconds());
      JfrProfile.start(node.pid());
      warmUp.send(node, SimulatedLoad.SATURATION, sizes.profileRun());
      http = JfrProfile.dump(node.pid(), httpRecording);
      Topics.produce(broker.bootstrapServers(), "profile", warmUp.lines((int) kafkaRecords));
      ScenarioContext.say("profile: Kafka, %,d records with JFR on", kafkaRecords);
      JfrProfile.start(node.pid());
      Integrations.create(node.uri(), "profile", broker.bootstrapServers(), "profile");
      Integrations.awaitCaughtUp(node.uri(), "profile", kafkaRecords);
      kafka = JfrProfile.dump(node.pid(), kafkaRecording);
    }
    return ScenarioResult.of(
            name(),
            "Where the time goes",
            method(context, httpRecording, kafkaRecording, kafkaRecords))
        .summary("profile: top self-time groups, HTTP", http.topGroups(3))
        .summary("profile: top self-time groups, Kafka", kafka.topGroups(3))
        .table(groups(http, kafka))
        .table(methods("HTTP: top methods by self samples", http))
        .table(methods("Kafka: top methods by self samples", kafka))
        .figure("httpSamples", http.samples())
        .figure("kafkaSamples", kafka.samples());
  }

  private static Table groups(JfrProfile.Summary http, JfrProfile.Summary kafka) {
    Table table = Table.of("Self time by package group", "group", "HTTP", "Kafka");
    for (String group : http.groups().keySet()) {
      table.row(
          group,
          Stats.format("%.1f%%", http.share(http.groups().get(group))),
          Stats.format("%.1f%%", kafka.share(kafka.groups().getOrDefault(group, 0L))));
    }
    return table.row("(samples)", http.samples(), kafka.samples());
  }

  private static Table methods(String caption, JfrProfile.Summary profile) {
    Table table = Table.of(caption, "method", "samples", "share");
    profile.methods().entrySet().stream()
        .limit(TOP_METHODS)
        .forEach(
            (Map.Entry<String, Long> method) ->
                table.row(
                    "`" + method.getKey() + "`",
                    method.getValue(),
                    Stats.format("%.1f%%", profile.share(method.getValue()))));
    return table;
  }

  private static String method(ScenarioContext context, Path http, Path kafka, long records) {
    return String.format(
        "One node on PostgreSQL, warmed up over HTTP (%d s) and Kafka as in those scenarios;"
            + " then `jcmd <pid> JFR.start settings=profile`, %d s of saturating HTTP load (the"
            + " warm-up world, 8 senders), `jcmd <pid> JFR.dump`; then the same for an"
            + " integration reading %,d records of that world from Kafka. Each recording is read"
            + " with `jfr print --json --stack-depth 1 --events jdk.ExecutionSample`: *self* ="
            + " samples whose top frame is in the group or method (where the CPU is spent);"
            + " threads waiting on PostgreSQL are not sampled. Recordings: `%s`, `%s`. Earlier"
            + " profiles: [docs/history/write-path-profiles.md](docs/history/write-path-profiles.md).",
        context.sizes().warmUp().toSeconds(),
        context.sizes().profileRun().toSeconds(),
        records,
        context.root().relativize(http),
        context.root().relativize(kafka));
  }
}
