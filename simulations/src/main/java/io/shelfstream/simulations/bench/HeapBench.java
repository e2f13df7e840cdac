package io.shelfstream.simulations.bench;

import io.shelfstream.simulations.emit.HttpBatchEmitter;
import io.shelfstream.simulations.emit.SendStats;
import io.shelfstream.simulations.event.Count;
import io.shelfstream.simulations.event.StockKey;
import io.shelfstream.simulations.noise.ValidLine;
import io.shelfstream.simulations.wire.PosLineEncoder;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Benchmark 4a: the node's heap once many distinct (location, SKU) records have been touched, one
 * count event each, with sharding passivation as configured. Sending stops at the entity count or
 * at the time cap, whichever comes first; then the node is asked for a full GC and its heap.
 */
final class HeapBench {

  private static final String ACTOR_CLASS = "org.apache.pekko.actor.ActorCell";
  private static final OffsetDateTime COUNTED_AT =
      OffsetDateTime.parse("2026-03-02T07:00:00+01:00");

  private HeapBench() {}

  static Section run(BenchContext context) throws Exception {
    Sizes sizes = context.sizes();
    try (Postgres.Schema schema = context.postgres().freshSchema();
        NodeProcess node =
            NodeProcess.start(
                context,
                "memory-heap",
                new NodeDatabase.OnPostgres(context.postgres(), schema),
                List.of())) {
      long heapBefore = Jcmd.heapUsedAfterFullGc(node.pid());
      long actorsBefore = Jcmd.liveInstances(node.pid(), ACTOR_CLASS);
      Console.info(
          "memory 4a: touching up to %,d records (%d locations x %d SKUs), for at most %d min",
          sizes.heapEntities(),
          sizes.heapLocations(),
          sizes.heapSkus(),
          sizes.heapCap().toMinutes());
      SendStats stats = new SendStats();
      long started = System.nanoTime();
      boolean capped = touch(node, sizes, stats, started + sizes.heapCap().toNanos());
      double seconds = (System.nanoTime() - started) / 1e9;
      if (stats.failure() != null) {
        throw new IOException("sending failed: " + stats.failure() + "\n" + node.logTail());
      }
      long heapAfter = Jcmd.heapUsedAfterFullGc(node.pid());
      long actorsAfter = Jcmd.liveInstances(node.pid(), ACTOR_CLASS);
      ProcStatus resident = ProcStatus.of(node.pid());
      long touched = stats.accepted() + stats.duplicates();
      Section section =
          new Section("memory-heap", "4a. Memory: heap with many golden records touched")
              .text(
                  "A fresh node (%s, PostgreSQL, sharding passivation as configured in"
                      + " cluster-config: at most 50,000 active entities per type and node, idle"
                      + " ones stopped after 2 minutes) receives one `count` event for each of %,d"
                      + " distinct (location, SKU) records (%,d locations × %,d SKUs; one inventory"
                      + " entity per location), in 250-line batches from 8 senders. Sending stops"
                      + " after every record or after %d min,"
                      + " whichever comes first. Then `jcmd <pid> GC.run` and `GC.heap_info` give"
                      + " the heap in use after a full GC; `GC.class_histogram` counts the live"
                      + " `ActorCell`s (every actor: entities, plus the node's own, counted before"
                      + " the load). One run.",
                  Sizes.NODE_HEAP,
                  sizes.heapEntities(),
                  sizes.heapLocations(),
                  sizes.heapSkus(),
                  sizes.heapCap().toMinutes())
              .table(
                  new Table("", "value")
                      .row(
                          "records touched",
                          String.format(
                              "%,d of %,d%s",
                              touched,
                              sizes.heapEntities(),
                              capped ? " (**stopped by the time cap**)" : ""))
                      .row(
                          "time",
                          String.format("%.0f s (%,.0f records/s)", seconds, touched / seconds))
                      .row("heap used after full GC, before the load", ProcStatus.mib(heapBefore))
                      .row("**heap used after full GC, after the load**", ProcStatus.mib(heapAfter))
                      .row(
                          "growth per record touched",
                          String.format(
                              "%,.0f bytes",
                              (heapAfter - heapBefore) / (double) Math.max(1, touched)))
                      .row(
                          "live actors (ActorCell) before → after",
                          String.format(
                              "%,d → %,d (about %,d entities still active)",
                              actorsBefore, actorsAfter, actorsAfter - actorsBefore))
                      .row(
                          "node resident memory (VmRSS), peak (VmHWM)",
                          ProcStatus.mib(resident.rssBytes())
                              + ", "
                              + ProcStatus.mib(resident.peakRssBytes())))
              .summary(
                  "4a. heap after full GC, " + String.format("%,d", touched) + " records touched",
                  ProcStatus.mib(heapAfter)
                      + String.format(
                          " (%,d actors live; before load %s)",
                          actorsAfter, ProcStatus.mib(heapBefore))
                      + (capped ? "; time cap reached" : ""))
              .raw("entitiesTouched", touched)
              .raw("entitiesPlanned", sizes.heapEntities())
              .raw("cappedByTime", capped)
              .raw("seconds", seconds)
              .raw("heapUsedBeforeBytes", heapBefore)
              .raw("heapUsedAfterBytes", heapAfter)
              .raw("actorCellsBefore", actorsBefore)
              .raw("actorCellsAfter", actorsAfter)
              .raw("resident", resident);
      if (capped) {
        section.text(
            "**Time cap reached**: at this write path's rate only %,d of the %,d records could be"
                + " touched within %d min, so the heap above is for %,d records.",
            touched, sizes.heapEntities(), sizes.heapCap().toMinutes(), touched);
      }
      return section;
    }
  }

  /** Sends one count per entity; returns whether the time cap stopped it before the last one. */
  private static boolean touch(NodeProcess node, Sizes sizes, SendStats stats, long deadline)
      throws InterruptedException {
    PosLineEncoder encoder = new PosLineEncoder();
    try (Progress progress = Progress.every(Duration.ofSeconds(30), stats);
        HttpBatchEmitter emitter =
            new HttpBatchEmitter(
                node.uri(),
                HttpLoad.SATURATION.batchLines(),
                HttpLoad.SATURATION.senders(),
                stats)) {
      for (int location = 1; location <= sizes.heapLocations(); location++) {
        for (int sku = 1; sku <= sizes.heapSkus(); sku++) {
          if (System.nanoTime() >= deadline || stats.failure() != null) {
            emitter.finish(Duration.ofMinutes(5));
            return true;
          }
          Count count =
              new Count(
                  "heap-" + location + "-" + sku,
                  "pos",
                  COUNTED_AT,
                  new StockKey(String.format("H%04d", location), String.format("SKU-%03d", sku)),
                  sku % 17);
          stats.sent(false, false);
          emitter.send(new ValidLine(count, encoder.encode(count), false));
        }
      }
      emitter.finish(Duration.ofMinutes(5));
      return false;
    }
  }
}
