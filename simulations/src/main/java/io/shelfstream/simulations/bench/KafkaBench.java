package io.shelfstream.simulations.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 3: Kafka into golden records. Each run fills a topic of {@value
 * KafkaBrokerProcess#PARTITIONS} partitions, then times a new integration from its creation until
 * it has committed every record; beside it, a plain consumer reads the same topic.
 */
final class KafkaBench {

  static final int MAX_POLL_RECORDS = 1000;

  private KafkaBench() {}

  static Section run(BenchContext context, Findings findings) throws Exception {
    int runs = context.options().runs();
    List<String> topics = new ArrayList<>(List.of("bench-warmup"));
    for (int i = 1; i <= runs; i++) {
      topics.add("bench-run" + i);
    }
    long events = context.sizes().kafkaEvents();
    List<KafkaRuns.Run> results = new ArrayList<>();
    try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(context, "kafka-broker", topics)) {
      for (int i = 0; i <= runs; i++) {
        boolean counted = i > 0;
        String label = counted ? "run " + i : "warm-up";
        KafkaRuns.Run run =
            KafkaRuns.one(
                context,
                broker,
                topics.get(i),
                counted ? events : events / 3,
                label,
                counted,
                List.of(),
                AfterLoad.NOTHING);
        Console.info(
            "kafka %s: %,.0f accepted events/s; raw consumer %,.0f records/s",
            label, run.acceptedPerSecond(), run.rawPerSecond());
        results.add(run);
      }
    }
    return KafkaReport.section(context, results, findings);
  }
}
