package io.shelfstream.bench.catalog;

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
}
