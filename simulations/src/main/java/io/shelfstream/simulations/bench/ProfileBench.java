package io.shelfstream.simulations.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Benchmark 6: benchmark 1 once more, and benchmark 3, with a flight recording on the node ({@code
 * settings=profile}), summed up over the window of the load into "Where the time goes".
 */
final class ProfileBench {

  private static final String RECORDING = "bench";

  private ProfileBench() {}

  static Section run(BenchContext context) throws Exception {
    Path httpRecording = context.runDir().resolve("profile-http-postgres.jfr");
    Window http = new Window();
    Console.info("profile: benchmark 1 once more with JFR on the node");
    HttpRuns.Run httpRun =
        HttpRuns.one(
            context,
            "profile-http",
            "profiled HTTP run",
            false,
            true,
            HttpLoad.SATURATION,
            context.sizes().httpRun(),
            flightRecorder(httpRecording),
            http.dumping(httpRecording));
    Path kafkaRecording = context.runDir().resolve("profile-kafka-postgres.jfr");
    Window kafka = new Window();
    KafkaRuns.Run kafkaRun;
    Console.info("profile: benchmark 3 once more with JFR on the node");
    try (KafkaBrokerProcess broker =
        KafkaBrokerProcess.start(context, "kafka-broker-profile", List.of("bench-profile"))) {
      kafkaRun =
          KafkaRuns.one(
              context,
              broker,
              "bench-profile",
              context.sizes().kafkaEvents() / 2,
              "profiled Kafka run",
              false,
              flightRecorder(kafkaRecording),
              kafka.dumping(kafkaRecording));
    }
    JfrSummary httpProfile = JfrSummary.of(httpRecording, http.started, http.ended);
    JfrSummary kafkaProfile = JfrSummary.of(kafkaRecording, kafka.started, kafka.ended);
    Section section =
        new Section("profile", "6. Where the time goes")
            .text(
                "Benchmark 1 run once more (%d s, PostgreSQL) and benchmark 3 once more (%,d world"
                    + " events), each node started with `-XX:StartFlightRecording=settings=profile`;"
                    + " the recording is dumped with `jcmd <pid> JFR.dump` once the load is done and"
                    + " read with `jdk.jfr.consumer.RecordingFile`, counting only events inside the"
                    + " load's window (node start-up excluded). *Self* = samples whose top frame is"
                    + " the method (where the CPU is spent); *total* = samples with the method"
                    + " anywhere in the stack. jdk.ExecutionSample samples threads running Java"
                    + " code only: time waiting on PostgreSQL is not in these tables. Recordings:"
                    + " `%s`, `%s`. Earlier profiles, and what each one led to:"
                    + " [docs/write-path-profiles.md](docs/write-path-profiles.md).",
                context.sizes().httpRun().toSeconds(),
                context.sizes().kafkaEvents() / 2,
                context.root().relativize(httpRecording),
                context.root().relativize(kafkaRecording));
    ProfileTables.add(
        section,
        "HTTP → PostgreSQL",
        String.format(
            "%,.0f accepted events/s during the recording (CPU: %s)",
            httpRun.load().acceptedPerSecond(), httpRun.cpu().describe()),
        httpProfile);
    ProfileTables.add(
        section,
        "Kafka → PostgreSQL",
        String.format(
            "%,.0f accepted events/s during the recording (CPU: %s)",
            kafkaRun.acceptedPerSecond(), kafkaRun.cpu().describe()),
        kafkaProfile);
    return section
        .summary("6. profile: top self-time group, HTTP", ProfileTables.topGroup(httpProfile))
        .summary("6. profile: top self-time group, Kafka", ProfileTables.topGroup(kafkaProfile))
        .raw("http", httpProfile)
        .raw("httpRun", httpRun)
        .raw("kafka", kafkaProfile)
        .raw("kafkaRun", kafkaRun);
  }

  private static List<String> flightRecorder(Path recording) {
    return List.of(
        "-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile,filename=" + recording);
  }

  /** The load's window, and the dump of the recording at its end. */
  private static final class Window {
    private Instant started;
    private Instant ended;

    AfterLoad dumping(Path recording) {
      return (node, loadStarted, loadEnded) -> {
        started = loadStarted;
        ended = loadEnded;
        Jcmd.run(node.pid(), "JFR.dump", "name=" + RECORDING, "filename=" + recording);
      };
    }
  }
}
