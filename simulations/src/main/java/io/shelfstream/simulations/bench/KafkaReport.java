package io.shelfstream.simulations.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Benchmark 3's section: the runs, the medians, and the ratios to the raw consumer and HTTP. */
final class KafkaReport {

  private KafkaReport() {}

  static Section section(BenchContext context, List<KafkaRuns.Run> runs, Findings findings) {
    Series engine = series(runs, KafkaRuns.Run::acceptedPerSecond);
    Series raw = series(runs, KafkaRuns.Run::rawPerSecond);
    Series ratio = series(runs, run -> run.acceptedPerSecond() / run.rawPerSecond());
    long mismatches =
        runs.stream()
            .filter(run -> run.check() != null)
            .mapToLong(run -> run.check().mismatches())
            .sum();
    boolean rejectedAsSent =
        runs.stream()
            .allMatch(
                run -> run.rejected() == run.malformedProduced() && run.read() == run.produced());
    Table table =
        new Table(
            "run",
            "records",
            "accepted",
            "duplicates",
            "rejected (malformed sent)",
            "seconds",
            "events/s",
            "raw consumer records/s",
            "engine ÷ raw",
            "records checked, mismatches",
            "CPU cores used");
    for (KafkaRuns.Run run : runs) {
      table.row(
          run.counted() ? run.label() : run.label() + " (not counted)",
          String.format("%,d", run.produced()),
          String.format("%,d", run.accepted()),
          String.format("%,d", run.duplicates()),
          String.format("%,d (%,d)", run.rejected(), run.malformedProduced()),
          Series.format("%.1f", run.seconds()),
          Series.format("%,.0f", run.acceptedPerSecond()),
          Series.format("%,.0f", run.rawPerSecond()),
          Series.format("%.4f", run.acceptedPerSecond() / run.rawPerSecond()),
          run.check() == null
              ? "not checked"
              : String.format(
                  "%,d, %d",
                  run.check().inventoryChecked() + run.check().storesChecked(),
                  run.check().mismatches()),
          run.cpu().describe());
    }
    Section section =
        new Section("kafka", "3. Kafka → golden record")
            .text(
                "Each run: a fresh node on a fresh PostgreSQL schema, warmed up over HTTP as in"
                    + " benchmark 1 (%d s, entities of its own), then over Kafka (%,d records"
                    + " through an integration of their own, deleted after); %,d world events of"
                    + " benchmark 1's world and noise (without the malformed kind Kafka makes valid:"
                    + " a record without eventId) produced by the simulator's Kafka emitter into a"
                    + " topic of %d partitions of a local single-node KRaft broker, before the"
                    + " integration exists. Then a CHECKPOINT, and `PUT /v1/integrations/%s` (max-poll-records %d)"
                    + " and `GET` of its status every 100 ms until `details.totalLag` is 0 and"
                    + " every record is read: offsets are committed only once events are durable,"
                    + " and at most every second, so the time includes the last commit."
                    + " **events/s** = accepted ÷ seconds from the PUT. Beside it, a plain"
                    + " kafka-clients consumer (own group, byte arrays, %d records per poll) reads"
                    + " the same topic from the start, timed from subscribe to the last record. A"
                    + " run lasts 30-45 s, about as long as an HTTP run, so that the consumer's"
                    + " start and the last commit (about 1.5 s together) weigh little.",
                context.sizes().warmUp().toSeconds(),
                KafkaRuns.WARM_UP_RECORDS,
                context.sizes().kafkaEvents(),
                KafkaBrokerProcess.PARTITIONS,
                KafkaRuns.INTEGRATION,
                KafkaBench.MAX_POLL_RECORDS,
                KafkaBench.MAX_POLL_RECORDS)
            .text(
                "- **%s accepted events/s** through the integration\n"
                    + "- raw consumer: %s records/s\n"
                    + "- **engine ÷ raw consumer: %s**",
                engine.describe("%,.0f"), raw.describe("%,.0f"), ratio.describe("%.4f"))
            .table(table)
            .text(
                "Correctness: %d golden-record mismatches over the measured runs; rejected ="
                    + " malformed records produced and every record read: %s.",
                mismatches, rejectedAsSent ? "yes" : "**NO**")
            .summary("3. Kafka → golden record", engine.describe("%,.0f") + " events/s")
            .summary("3. engine ÷ raw Kafka consumer", ratio.describe("%.4f"))
            .raw("runs", runs)
            .raw("medianAcceptedPerSecond", engine.median());
    if (findings.httpPostgresRate != null) {
      double vsHttp = engine.median() / findings.httpPostgresRate.median();
      section
          .text("Kafka ÷ HTTP (benchmark 1, medians of this bench run): **%.2f**.", vsHttp)
          .summary(
              "3. Kafka ÷ HTTP (PostgreSQL)", Series.format("%.2f", vsHttp) + " (ratio of medians)")
          .raw("kafkaOverHttp", vsHttp);
    }
    return section;
  }

  private static Series series(List<KafkaRuns.Run> runs, ToDoubleFunction<KafkaRuns.Run> figure) {
    Series series = new Series();
    runs.stream().filter(KafkaRuns.Run::counted).mapToDouble(figure).forEach(series::add);
    return series;
  }
}
