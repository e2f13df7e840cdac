package io.shelfstream.bench.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 2 GB node fed over HTTP with events that each create a new SKU-location record, location by
 * location in turn; at each mark its heap after a full GC, its RSS and the ingest rate since the
 * last mark. Then the node is stopped and started again on the same database, and timed until a
 * record of location 0 (the location holding the most records) answers.
 */
final class MemoryRun {
  static final String NAME = "memory";
  private static final Duration TIME_LIMIT = Duration.ofMinutes(75);
  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(10);

  /** The node at a number of distinct records. */
  record Mark(long records, double seconds, double eventsPerSecond, HeapProbe.Reading reading) {}

  /** Stop to healthy, healthy to the first answer, for a location of {@code records} records. */
  record Recovery(
      String locationId,
      long records,
      long journalEntries,
      double stopSeconds,
      double startSeconds,
      double firstAnswerSeconds,
      HeapProbe.Reading after) {}

  private MemoryRun() {}

  static int run(
      BuiltTree tree,
      Path runDir,
      BenchDatabase database,
      CatalogShape shape,
      List<Integer> marks,
      Path out,
      String stamp,
      String machine)
      throws Exception {
    CatalogWorkload workload = CatalogWorkload.everyRecordOnce(shape);
    ThreadLocal<CatalogLines> lines = ThreadLocal.withInitial(() -> new CatalogLines(workload));
    int batches = (workload.size() + HttpFeed.BATCH - 1) / HttpFeed.BATCH;
    String schema = database.freshSchema(NAME);
    List<Mark> reached = new ArrayList<>();
    Recovery recovery;
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    try {
      Path dataDir = Files.createTempDirectory(runDir, NAME + "-data-");
      String url = database.urlFor(schema, "");
      long records = 0;
      try (NodeChild node =
          NodeChild.start(tree, runDir, NAME + "-node", dataDir, url, database.user())) {
        HttpFeed feed = new HttpFeed(node.api().uri());
        int sentBatches = 0;
        for (int mark : marks) {
          int toBatch = Math.min(batches, (mark + HttpFeed.BATCH - 1) / HttpFeed.BATCH);
          long started = System.nanoTime();
          Duration left = Duration.ofNanos(Math.max(0, deadline - started));
          HttpFeed.Fed fed =
              feed.send(
                  sentBatches,
                  toBatch,
                  batch ->
                      lines
                          .get()
                          .posBody(
                              batch * HttpFeed.BATCH,
                              Math.min(workload.size(), (batch + 1) * HttpFeed.BATCH)),
                  new Progress("records toward " + mark, mark - records),
                  left);
          double seconds = (System.nanoTime() - started) / 1e9;
          records += fed.accepted();
          sentBatches = toBatch;
          HeapProbe.Reading reading = HeapProbe.read(node.pid());
          Mark reading1 = new Mark(records, seconds, fed.accepted() / seconds, reading);
          reached.add(reading1);
          Console.line(
              "%,d records: heap after full GC %,d MB, RSS %,d MB, %,.0f events/s since the last mark",
              records,
              reading.heapUsedBytes() >> 20,
              reading.residentBytes() >> 20,
              reading1.eventsPerSecond());
          if (!fed.complete()) {
            Console.line(
                "stopped at %,d records: the memory run's %d min are up",
                records, TIME_LIMIT.toMinutes());
            break;
          }
        }
        long stopStarted = System.nanoTime();
        node.close();
        double stopSeconds = (System.nanoTime() - stopStarted) / 1e9;
        recovery =
            recover(tree, runDir, database, schema, dataDir, url, workload, records, stopSeconds);
      }
    } finally {
      database.drop(schema);
    }
    write(shape, reached, recovery, out, stamp, machine);
    return 0;
  }

  private static Recovery recover(
      BuiltTree tree,
      Path runDir,
      BenchDatabase database,
      String schema,
      Path dataDir,
      String url,
      CatalogWorkload workload,
      long records,
      double stopSeconds)
      throws Exception {
    long journal = database.number("SELECT count(*) FROM " + schema + ".event_journal");
    String location = CatalogShape.locationId(0);
    long locationRecords =
        (records + workload.shape().locations() - 1) / workload.shape().locations();
    Console.line(
        "restarting the node on the same database: %,d journal entries; location %s has %,d records",
        journal, location, locationRecords);
    long started = System.nanoTime();
    try (NodeChild node =
        NodeChild.start(tree, runDir, NAME + "-node", dataDir, url, database.user())) {
      double startSeconds = (System.nanoTime() - started) / 1e9;
      long asking = System.nanoTime();
      awaitRecord(node, location);
      double firstAnswer = (System.nanoTime() - asking) / 1e9;
      HeapProbe.Reading after = HeapProbe.read(node.pid());
      Console.line(
          "recovery: stopped in %.1f s, healthy %.1f s after start, %s/%s answered %.2f s later",
          stopSeconds, startSeconds, location, CatalogShape.sku(0), firstAnswer);
      return new Recovery(
          location, locationRecords, journal, stopSeconds, startSeconds, firstAnswer, after);
    }
  }

  /**
   * Asks for a record of the location until it answers: the first ask recovers the location's
   * entity from its snapshot and journal, which may outlast one request's timeout.
   */
  private static void awaitRecord(NodeChild node, String location) throws Exception {
    String record = location + "/" + CatalogShape.sku(0);
    Deadline answered = Deadline.in(RECOVERY_TIMEOUT, record + " to answer after the restart");
    while (true) {
      try {
        if (node.api().inventory(location, CatalogShape.sku(0)) != null) {
          return;
        }
        throw new IllegalStateException("after the restart the node has no record " + record);
      } catch (IOException notYet) {
        node.checkAlive();
        answered.pause(100, "last answer: " + notYet.getMessage());
      }
    }
  }

  private static void write(
      CatalogShape shape,
      List<Mark> marks,
      Recovery recovery,
      Path out,
      String stamp,
      String machine)
      throws Exception {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("shape", shape);
    data.put("heap", NodeChild.HEAP);
    data.put("machine", machine);
    data.put("marks", marks);
    data.put("recovery", recovery);
    Path json = out.resolve("high-cardinality-memory-" + stamp + ".json");
    CatalogReport.writeJson(json, data);
    StringBuilder md = new StringBuilder();
    md.append("### High cardinality: memory against records (")
        .append(NodeChild.HEAP)
        .append(" node)\n\n");
    md.append(
        String.format(
            "Each event a new SKU-location record over %,d locations, over HTTP (%d senders × %d-line batches). %s.%n%n",
            shape.locations(), HttpFeed.SENDERS, HttpFeed.BATCH, machine));
    md.append(
        "| records | heap after full GC | heap committed | RSS | events/s since the last mark |\n|---|---|---|---|---|\n");
    for (Mark mark : marks) {
      md.append(
          String.format(
              "| %,d | %,d MB | %,d MB | %,d MB | %,.0f |%n",
              mark.records(),
              mark.reading().heapUsedBytes() >> 20,
              mark.reading().heapCommittedBytes() >> 20,
              mark.reading().residentBytes() >> 20,
              mark.eventsPerSecond()));
    }
    md.append(
        String.format(
            "%nRecovery: stopped (SIGTERM) in %.1f s; started again on the same database (%,d journal entries), healthy after %.1f s;"
                + " a record of %s (%,d SKU records) answered %.2f s later. Heap after full GC then %,d MB, RSS %,d MB.%n",
            recovery.stopSeconds(),
            recovery.journalEntries(),
            recovery.startSeconds(),
            recovery.locationId(),
            recovery.records(),
            recovery.firstAnswerSeconds(),
            recovery.after().heapUsedBytes() >> 20,
            recovery.after().residentBytes() >> 20));
    Files.writeString(out.resolve("high-cardinality-memory-" + stamp + ".md"), md);
    System.out.println();
    System.out.println(md);
    Console.line("written: %s and its .md", json);
  }
}
