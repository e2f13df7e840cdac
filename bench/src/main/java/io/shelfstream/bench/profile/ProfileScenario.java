package io.shelfstream.bench.profile;

import io.shelfstream.bench.kafka.KafkaScenario;
import io.shelfstream.bench.kafka.Topics;
import io.shelfstream.bench.load.SimulatedLoad;
import io.shelfstream.bench.load.WarmUp;
import io.shelfstream.bench.measure.JfrProfile;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Integrations;
import io.shelfstream.bench.node.KafkaBroker;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the node's CPU goes: one warmed-up node on PostgreSQL, recorded with JFR (started and
 * dumped by jcmd) while it takes a saturating HTTP load, then while it reads a Kafka topic.
 */
public final class ProfileScenario implements Scenario {
  /** Credential checks, roles, scopes, rate limits and audit: one check per request. */
  private static final String AUTH = "io.shelfstream.http.auth.";

  record Group(String group, double httpSelfPercent, double kafkaSelfPercent) {}

  record Method(String method, long samples, double selfPercent) {}

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
    double authPercent;
    int records = (int) (sizes.kafkaEvents() / 3);
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
      authPercent = JfrProfile.shareOnBehalfOf(httpRecording, AUTH);
      Topics.produce(broker.bootstrapServers(), "profile", warmUp.lines(records));
      ScenarioContext.say("profile: Kafka, %,d records with JFR on", records);
      JfrProfile.start(node.pid());
      Integrations.drain(node.uri(), "profile", broker.bootstrapServers(), "profile", records);
      kafka = JfrProfile.dump(node.pid(), kafkaRecording);
    }
    var parameters =
        Map.of(
            "warmUpSeconds", sizes.warmUp().toSeconds(),
            "seconds", sizes.profileRun().toSeconds(),
            "records", records,
            "http", context.root().relativize(httpRecording),
            "kafka", context.root().relativize(kafkaRecording));
    return ScenarioResult.of(name(), "Where the time goes", parameters)
        .summary("profile: top self-time groups, HTTP", http.topGroups(3))
        .summary("profile: top self-time groups, Kafka", kafka.topGroups(3))
        .summary(
            "authentication's share of the node's CPU, HTTP at saturation (goal < 5%)",
            Stats.format("%.2f%%", authPercent))
        .runs(
            "Self time by package group",
            http.groups().keySet().stream()
                .map(
                    g ->
                        new Group(
                            g,
                            http.share(http.groups().get(g)),
                            kafka.share(kafka.groups().getOrDefault(g, 0L))))
                .toList())
        .runs("HTTP: top methods by self samples", methods(http))
        .runs("Kafka: top methods by self samples", methods(kafka))
        .figure("authPercent", authPercent)
        .figure("httpSamples", http.samples())
        .figure("kafkaSamples", kafka.samples());
  }

  private static List<Method> methods(JfrProfile.Summary profile) {
    return profile.methods().entrySet().stream()
        .limit(10)
        .map(m -> new Method("`" + m.getKey() + "`", m.getValue(), profile.share(m.getValue())))
        .toList();
  }
}
