package io.shelfstream.simulations.bench;

import java.nio.file.Path;

/**
 * What every benchmark needs: where the repository and this run's output are, the sizes, and the
 * registry that cleans up whatever is left open.
 *
 * @param runDir bench-results/&lt;stamp&gt;/: node logs and flight recordings of this run
 */
record BenchContext(
    Path root,
    Path runDir,
    String stamp,
    BenchOptions options,
    Sizes sizes,
    Cleanup cleanup,
    Postgres postgres,
    Binaries binaries) {

  /** A module's classes and its runtime dependencies, from the copy made at the start. */
  String classpath(String module) {
    return binaries.classpath(module);
  }
}
