package io.shelfstream.bench.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.load.Progress;
import io.shelfstream.bench.measure.Jcmd;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.measure.Stats;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.ScenarioResult.Table;
import io.shelfstream.bench.scenario.Sizes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's memory: its heap after a full GC once many golden records were touched, and its
 * resident memory while one POST streams a body far larger than its heap.
 */
public final class MemoryScenario implements Scenario {
  private static final String ACTOR_CLASS = "org.apache.pekko.actor.ActorCell";
  private static final int LINE_BYTES = 32 * 1024;
  private static final int WORKING_SET = 20_000;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    return Duration.ofSeconds(90 + sizes.heapRecords() / 40_000 + sizes.bodyBytes() / (300L << 20));
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    ScenarioResult result =
        ScenarioResult.of(
            name(),
            "Memory: heap with many records, RSS under one huge POST",
            method(context.sizes()));
    heap(context, result);
    stream(context, result);
    return result;
  }

  private void heap(ScenarioContext context, ScenarioResult result) throws Exception {
    long records = context.sizes().heapRecords();
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "memory-heap", schema, List.of())) {
      long heapBefore = Jcmd.heapUsedAfterFullGc(node.pid());
      long actorsBefore = Jcmd.liveInstances(node.pid(), ACTOR_CLASS);
      ScenarioContext.say("memory: touching %,d records", records);
      long started = System.nanoTime();
      long touched = HeapLoad.touch(node.uri(), context.sizes().heapLocations());
      double seconds = (System.nanoTime() - started) / 1e9;
      long heapAfter = Jcmd.heapUsedAfterFullGc(node.pid());
      long actorsAfter = Jcmd.liveInstances(node.pid(), ACTOR_CLASS);
      result
          .summary(
              String.format("heap after full GC, %,d records touched", touched),
              mib(heapAfter)
                  + String.format(
                      " (%,d actors live; before load %s)", actorsAfter, mib(heapBefore)))
          .table(
              Table.of(
                      "Heap with many records touched",
                      "records touched",
                      "seconds",
                      "heap after full GC: before, after",
                      "bytes per record",
                      "live ActorCells: before, after",
                      "VmRSS, VmHWM")
                  .row(
                      String.format("%,d of %,d", touched, records),
                      Stats.format("%.0f", seconds),
                      mib(heapBefore) + ", " + mib(heapAfter),
                      String.format("%,d", (heapAfter - heapBefore) / Math.max(1, touched)),
                      String.format("%,d, %,d", actorsBefore, actorsAfter),
                      mib(ProcessCpu.residentBytes(node.pid()))
                          + ", "
                          + mib(ProcessCpu.peakResidentBytes(node.pid()))))
          .figure("recordsTouched", touched)
          .figure("heapAfterFullGcBytes", heapAfter)
          .figure("heapBeforeBytes", heapBefore);
    }
  }

  private void stream(ScenarioContext context, ScenarioResult result) throws Exception {
    Sizes sizes = context.sizes();
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "memory-stream", schema, List.of())) {
      long before = ProcessCpu.residentBytes(node.pid());
      long started = System.nanoTime();
      RepeatingBody body =
          new RepeatingBody(
              WORKING_SET, LINE_BYTES, sizes.bodyBytes(), started + sizes.bodyCap().toNanos());
      AtomicLong firstHalfPeak = new AtomicLong();
      AtomicLong secondHalfPeak = new AtomicLong();
      ScenarioContext.say(
          "memory: streaming %.1f GiB in one POST", sizes.bodyBytes() / (double) Sizes.GIB);
      JsonNode answer;
      try (Progress progress =
              Progress.counting(
                  "MiB sent",
                  () -> body.bytesSent() >> 20,
                  sizes.bodyBytes() >> 20,
                  sizes.bodyCap());
          Sampler sampler =
              Sampler.every(
                  Duration.ofSeconds(1),
                  () -> {
                    long rss = ProcessCpu.residentBytes(node.pid());
                    (body.bytesSent() < sizes.bodyBytes() / 2 ? firstHalfPeak : secondHalfPeak)
                        .accumulateAndGet(rss, Math::max);
                  })) {
        answer = post(node, body, sizes.bodyCap().plusMinutes(5));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long peak = ProcessCpu.peakResidentBytes(node.pid());
      result
          .summary(
              String.format(
                  "peak RSS streaming %.2f GiB in one POST", body.bytesSent() / (double) Sizes.GIB),
              mib(peak)
                  + String.format(
                      " (before: %s; highest sampled VmRSS %s in the first half,"
                          + " %s in the second)",
                      mib(before), mib(firstHalfPeak.get()), mib(secondHalfPeak.get())))
          .table(
              Table.of(
                      "One huge POST",
                      "streamed",
                      "lines",
                      "seconds",
                      "node's answer",
                      "VmRSS before",
                      "VmHWM (peak)",
                      "VmRSS after")
                  .row(
                      Stats.format("%.2f GiB", body.bytesSent() / (double) Sizes.GIB)
                          + (body.stoppedByTime() ? " (time cap)" : ""),
                      String.format("%,d", body.linesSent()),
                      Stats.format("%.0f", seconds),
                      String.format(
                          "accepted %,d, duplicates %,d, rejected %,d",
                          answer.path("accepted").asLong(),
                          answer.path("duplicates").asLong(),
                          answer.path("rejected").asLong()),
                      mib(before),
                      mib(peak),
                      mib(ProcessCpu.residentBytes(node.pid()))))
          .figure("streamedBytes", body.bytesSent())
          .figure("peakRssBytes", peak);
    }
  }

  private static JsonNode post(Node node, RepeatingBody body, Duration timeout)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(node.uri().resolve("/v1/pos/events"))
                    .timeout(timeout)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException(
          "the streamed POST answered " + answer.statusCode() + ": " + answer.body());
    }
    return new ObjectMapper().readTree(answer.body());
  }

  static String mib(long bytes) {
    return String.format("%,d MiB", bytes >> 20);
  }

  private static String method(Sizes sizes) {
    return String.format(
        "**Heap**: a fresh node (%s, PostgreSQL, passivation as configured in cluster-config)"
            + " receives one `count` event for each of %,d distinct (location, SKU) records (%,d"
            + " locations × 500 SKUs), in 250-line batches from 8 senders; then `jcmd <pid> GC.run`"
            + " and `GC.heap_info` give the heap in use after a full GC, and `GC.class_histogram`"
            + " counts the live `ActorCell`s. **Resident memory**: a fresh node receives one POST"
            + " whose NDJSON body the bench generates on the fly: %,d distinct sale events, then"
            + " the same again and again (answered as duplicates), each line padded to 32 KiB with"
            + " a field the wire format ignores, up to %.0f GiB or %d s; VmRSS is read from /proc"
            + " every second, VmHWM at the end.",
        Sizes.NODE_HEAP,
        sizes.heapRecords(),
        sizes.heapLocations(),
        WORKING_SET,
        sizes.bodyBytes() / (double) Sizes.GIB,
        sizes.bodyCap().toSeconds());
  }
}
