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
    Postgres postgres) {

  /** A module's classes and its runtime dependencies, as the build lays them out. */
  String classpath(String module) {
    Path target = root.resolve(module).resolve("target");
    return target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
  }
}
