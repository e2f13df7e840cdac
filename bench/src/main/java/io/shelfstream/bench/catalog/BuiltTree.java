package io.shelfstream.bench.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built source tree the children run from: each module's classes and copied libraries. */
record BuiltTree(Path root) {

  /** {@code module/target/classes:module/target/lib/*}, checked to exist. */
  String classpath(String module) {
    Path classes = root.resolve(module).resolve("target").resolve("classes");
    Path lib = root.resolve(module).resolve("target").resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          lib + " is missing: build first with `mvn -B -q -DskipTests install` in " + root);
    }
    return (Files.isDirectory(classes) ? classes + ":" : "") + lib + "/*";
  }

  /** The options of cluster-config/jvm.options, which every node starts with. */
  List<String> nodeJvmOptions() throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(root.resolve("cluster-config").resolve("jvm.options"))) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        options.add(option);
      }
    }
    return options;
  }
}
