package io.shelfstream.bench.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shelfstream.bench.load.Posts;
import io.shelfstream.bench.measure.Jcmd;
import io.shelfstream.bench.measure.ProcessCpu;
import io.shelfstream.bench.node.Node;
import io.shelfstream.bench.node.Postgres;
import io.shelfstream.bench.scenario.Scenario;
import io.shelfstream.bench.scenario.ScenarioContext;
import io.shelfstream.bench.scenario.ScenarioResult;
import io.shelfstream.bench.scenario.Sizes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The node's memory: its heap after a full GC once many golden records were touched, and its
 * resident memory while one POST streams a body far larger than its heap.
 */
public final class MemoryScenario implements Scenario {
  private static final String ACTOR_CLASS = "org.apache.pekko.actor.ActorCell";
  private static final int WORKING_SET = 20_000;
  private static final int LINE_BYTES = 32 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Heap(
      long recordsTouched,
      double seconds,
      long heapBeforeMiB,
      long heapAfterMiB,
      long bytesPerRecord,
      long actorCellsBefore,
      long actorCellsAfter,
      long vmHwmMiB) {}

  /** A restart: stop, start to healthy, and the first answer of a location of {@code records}. */
  record Recovery(
      long locationRecords,
      long journalEntries,
      double stopSeconds,
      double startSeconds,
      double firstAnswerSeconds,
      long heapAfterFullGcMiB,
      long vmRssMiB) {}

  record Stream(
      double streamedGiB,
      long lines,
      boolean stoppedByTimeCap,
      double seconds,
      String answer,
      long vmRssBeforeMiB,
      long maxVmRssFirstHalfMiB,
      long maxVmRssSecondHalfMiB,
      long vmHwmMiB) {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Duration estimate(Sizes sizes) {
    long catalog = sizes.full() ? 600 : 0; // 10M records, then a restart
    return Duration.ofSeconds(
        90 + sizes.heapRecords() / 40_000 + (sizes.bodyBytes() >> 28) + catalog);
  }

  @Override
  public ScenarioResult run(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    Heap heap =
        (Heap) heap(context, "memory-heap", 500, List.of(sizes.heapRecords()), false).get(0);
    Stream stream = stream(context);
    var parameters =
        Map.of(
            "records",
            sizes.heapRecords(),
            "workingSet",
            WORKING_SET,
            "gib",
            sizes.bodyBytes() / (double) Sizes.GIB,
            "capSeconds",
            sizes.bodyCap().toSeconds());
    var result = ScenarioResult.of(name(), "Memory", parameters);
    if (sizes.full()) {
      // issue 24's catalog: 50,000 SKUs a location, so that a location's entity grows large
      var marks = List.of(1_000_000L, 5_000_000L, 10_000_000L);
      result.runs(
          "--full: 200 locations × 50,000 SKUs, heap at 1M, 5M, 10M records, then a restart",
          heap(context, "memory-catalog", 50_000, marks, true));
    }
    return result
        .summary(
            String.format("heap after full GC, %,d records touched", heap.recordsTouched()),
            String.format(
                "%,d MiB (%,d actors live; before the load %,d MiB)",
                heap.heapAfterMiB(), heap.actorCellsAfter(), heap.heapBeforeMiB()))
        .summary(
            String.format("peak RSS streaming %.2f GiB in one POST", stream.streamedGiB()),
            String.format(
                "%,d MiB (before: %,d MiB; highest VmRSS %,d MiB in the first half, %,d in the"
                    + " second)",
                stream.vmHwmMiB(),
                stream.vmRssBeforeMiB(),
                stream.maxVmRssFirstHalfMiB(),
                stream.maxVmRssSecondHalfMiB()))
        .runs("Heap with many records touched", List.of(heap))
        .runs("One huge POST", List.of(stream))
        .figure("heapAfterFullGcMiB", heap.heapAfterMiB())
        .figure("peakRssMiB", stream.vmHwmMiB());
  }

  /**
   * One count for each of {@code skus} SKUs at each location in turn, 250 records a batch, up to
   * each mark; at each mark the heap after a full GC. Then, if asked, the node is stopped and a
   * second one started on the same schema, timed until a record of the first (fullest) location
   * answers.
   */
  private List<Object> heap(
      ScenarioContext context, String name, int skus, List<Long> marks, boolean recover)
      throws Exception {
    List<Object> rows = new ArrayList<>();
    try (Postgres.Schema schema = context.postgres().freshSchema()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(8L * marks.size()).toNanos();
      long touched = 0;
      long stopping;
      try (Node node = Node.start(context, name, schema, List.of())) {
        long before = Jcmd.heapUsedAfterFullGc(node.pid());
        long actorsBefore = Jcmd.liveInstances(node.pid(), ACTOR_CLASS);
        for (long mark : marks) {
          long from = touched;
          long started = System.nanoTime();
          Posts.Batches counts =
              batch -> {
                long first = from + batch * 250;
                return first >= mark ? null : counts(first, Math.min(250, mark - first), skus);
              };
          Duration left = Duration.ofNanos(Math.max(0, deadline - started));
          touched = Math.min(mark, from + 250 * Posts.send(node.uri(), 8, counts, left, name));
          double seconds = (System.nanoTime() - started) / 1e9;
          long after = Jcmd.heapUsedAfterFullGc(node.pid());
          rows.add(
              new Heap(
                  touched,
                  seconds,
                  before >> 20,
                  after >> 20,
                  (after - before) / Math.max(1, touched),
                  actorsBefore,
                  Jcmd.liveInstances(node.pid(), ACTOR_CLASS),
                  ProcessCpu.peakResidentBytes(node.pid()) >> 20));
          if (touched < mark) {
            break; // the time is up
          }
        }
        stopping = System.nanoTime();
      }
      if (recover) {
        rows.add(
            recovery(context, name, schema, skus, touched, (System.nanoTime() - stopping) / 1e9));
      }
    }
    return rows;
  }

  private static Recovery recovery(
      ScenarioContext context,
      String name,
      Postgres.Schema schema,
      int skus,
      long records,
      double stopSeconds)
      throws Exception {
    long journal =
        context.postgres().queryLong("SELECT count(*) FROM " + schema.name() + ".event_journal");
    long starting = System.nanoTime();
    try (Node node = Node.start(context, name + "-restart", schema, List.of())) {
      double startSeconds = (System.nanoTime() - starting) / 1e9;
      long asking = System.nanoTime();
      // the first ask recovers the entity, which may outlast one request's timeout
      for (int attempt = 1; ; attempt++) {
        try {
          Posts.exchange(HttpRequest.newBuilder(node.uri().resolve("/v1/inventory/H0001/SKU-001")));
          break;
        } catch (IOException notYet) {
          if (attempt == 10) {
            throw notYet;
          }
        }
      }
      return new Recovery(
          Math.min(records, skus),
          journal,
          stopSeconds,
          startSeconds,
          (System.nanoTime() - asking) / 1e9,
          Jcmd.heapUsedAfterFullGc(node.pid()) >> 20,
          ProcessCpu.residentBytes(node.pid()) >> 20);
    }
  }

  private Stream stream(ScenarioContext context) throws Exception {
    Sizes sizes = context.sizes();
    try (Postgres.Schema schema = context.postgres().freshSchema();
        Node node = Node.start(context, "memory-stream", schema, List.of())) {
      long before = ProcessCpu.residentBytes(node.pid());
      long started = System.nanoTime();
      long deadline = started + sizes.bodyCap().toNanos();
      AtomicLong lines = new AtomicLong();
      long maxLines = sizes.bodyBytes() / LINE_BYTES;
      var body =
          new SequenceInputStream(
              new Enumeration<InputStream>() {
                @Override
                public boolean hasMoreElements() {
                  return lines.get() < maxLines && System.nanoTime() < deadline;
                }

                @Override
                public InputStream nextElement() {
                  return new ByteArrayInputStream(padded(lines.getAndIncrement() % WORKING_SET));
                }
              });
      AtomicLongArray halves = new AtomicLongArray(2); // highest VmRSS in each half of the body
      var sampler = Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(
          () -> {
            int half = lines.get() * LINE_BYTES < sizes.bodyBytes() / 2 ? 0 : 1;
            halves.accumulateAndGet(half, ProcessCpu.residentBytes(node.pid()), Math::max);
            if (System.nanoTime() / 1_000_000_000 % 10 == 0) {
              ScenarioContext.say("  %,d MiB sent", lines.get() * LINE_BYTES >> 20);
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      ScenarioContext.say("memory: streaming %,d MiB in one POST", sizes.bodyBytes() >> 20);
      JsonNode answer;
      try {
        answer =
            JSON.readTree(
                Posts.exchange(
                    HttpRequest.newBuilder(node.uri().resolve("/v1/pos/events"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)),
                    sizes.bodyCap().plusMinutes(5)));
      } finally {
        sampler.shutdownNow();
      }
      return new Stream(
          lines.get() * LINE_BYTES / (double) Sizes.GIB,
          lines.get(),
          lines.get() < maxLines,
          (System.nanoTime() - started) / 1e9,
          answer.toString(),
          before >> 20,
          halves.get(0) >> 20,
          halves.get(1) >> 20,
          ProcessCpu.peakResidentBytes(node.pid()) >> 20);
    }
  }

  private static byte[] counts(long first, long count, int skus) {
    StringBuilder lines = new StringBuilder();
    for (long record = first; record < first + count; record++) {
      lines.append(
          String.format(
              "{\"type\":\"count\",\"eventId\":\"heap-%d\",\"source\":\"pos\",\"occurredAt\":"
                  + "\"2026-03-02T07:00:00+01:00\",\"locationId\":\"H%04d\",\"sku\":\"SKU-%03d\","
                  + "\"onHand\":%d}%n",
              record, record / skus + 1, record % skus + 1, record % 17));
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A sale at one of 2,000 records, padded to LINE_BYTES with a field the node ignores. */
  private static byte[] padded(long event) {
    String head =
        String.format(
            "{\"type\":\"sale\",\"eventId\":\"rss-%d\",\"occurredAt\":\"2026-03-01T09:00:00+01:00\","
                + "\"locationId\":\"R%03d\",\"sku\":\"SKU-%02d\",\"qty\":1,\"note\":\"",
            event, event % 2000 / 10, event % 10);
    return (head + "x".repeat(LINE_BYTES - head.length() - 3) + "\"}\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
