package io.shelfstream.engine.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages depend on each other one way, so that each can be read, tested and changed
 * knowing only those below it. Read from the imports of the main sources.
 */
class PackageCyclesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/shelfstream/engine");
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import (?:static )?io\\.shelfstream\\.engine\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void noPackageOfTheEngineDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> uses = new HashMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // package-info of the engine itself
        }
        String from = relative.getName(0).toString();
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          if (!imports.group(1).equals(from)) {
            uses.computeIfAbsent(from, p -> new TreeSet<>()).add(imports.group(1));
          }
        }
      }
    }
    assertThat(uses).as("packages read").containsKeys("inventory", "record", "entity");
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      List<String> cycle = cycleThrough(start, start, uses, new ArrayList<>(), new HashSet<>());
      if (cycle != null) {
        cycles.add(String.join(" -> ", cycle));
      }
    }
    assertThat(cycles).as("package cycles (a -> b: a imports from b)").isEmpty();
  }

  private static List<String> cycleThrough(
      String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen) {
    path.add(at);
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (seen.add(next)) {
        List<String> found = cycleThrough(start, next, uses, path, seen);
        if (found != null) {
          return found;
        }
      }
    }
    path.remove(path.size() - 1);
    return null;
  }
}
