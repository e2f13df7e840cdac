package io.shelfstream.bench.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every target of one run shares: the built tree, the database, the same events. */
record RunContext(
    BuiltTree tree,
    Path runDir,
    BenchDatabase database,
    CatalogWorkload workload,
    long distinctRecords,
    List<RecordSample.Expected> sample,
    int round) {

  RunContext inRound(int next) {
    return new RunContext(tree, runDir, database, workload, distinctRecords, sample, next);
  }

  static final String TOPIC = "pos-catalog";

  /** A broker with this run's topic, for {@code target} in this round. */
  BrokerChild startBroker(String target) throws Exception {
    return BrokerChild.start(tree, runDir, target + "-broker-" + round, TOPIC);
  }

  /** A fresh node for {@code target} in this round, on {@code schema} of the run's database. */
  NodeChild startNode(String target, String schema) throws Exception {
    Path dataDir = Files.createTempDirectory(runDir, target + "-" + round + "-data-");
    return NodeChild.start(
        tree,
        runDir,
        target + "-node-" + round,
        dataDir,
        database.urlFor(schema, ""),
        database.user());
  }
}
