package io.shelfstream.bench.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of a running node, taken with {@code jcmd JFR.start/JFR.dump} and read with
 * the JDK's reader ({@code jdk.jfr.consumer}): where its threads running Java code spent their
 * time, by the top frame of each {@code jdk.ExecutionSample} (self time).
 */
public final class JfrProfile {
  private static final String RECORDING = "bench";

  /** Class name prefixes and their group; the first that matches wins. */
  private static final List<Map.Entry<String, String>> GROUPS =
      List.of(
          Map.entry("io.shelfstream.", "our code"),
          Map.entry("com.fasterxml.jackson.", "jackson"),
          Map.entry("org.apache.pekko.", "pekko"),
          Map.entry("org.postgresql.", "postgres driver"),
          Map.entry("org.apache.kafka.", "kafka-clients"),
          Map.entry("scala.", "scala library"),
          Map.entry("java.", "JDK"),
          Map.entry("javax.", "JDK"),
          Map.entry("jdk.", "JDK"),
          Map.entry("sun.", "JDK"),
          Map.entry("com.sun.", "JDK"));

  /** Samples by package group and by method, each sorted by count, most first. */
  public record Summary(long samples, Map<String, Long> groups, Map<String, Long> methods) {
    public double share(long count) {
      return samples == 0 ? 0 : 100.0 * count / samples;
    }

    /** "our code 45.4%, JDK 30.0%, jackson 10.1%": the top {@code count} groups. */
    public String topGroups(int count) {
      return groups.entrySet().stream()
          .limit(count)
          .map(group -> group.getKey() + Stats.format(" %.1f%%", share(group.getValue())))
          .collect(Collectors.joining(", "));
    }
  }

  private JfrProfile() {}

  public static void start(long pid) throws IOException, InterruptedException {
    Jcmd.run(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
  }

  /** Dumps the recording started by {@link #start}, stops it, and sums it up. */
  public static Summary dump(long pid, Path file) throws IOException, InterruptedException {
    Jcmd.run(pid, "JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
    Jcmd.run(pid, "JFR.stop", "name=" + RECORDING);
    Map<String, Long> methods = new LinkedHashMap<>();
    long samples =
        samples(
            file,
            frames -> {
              RecordedMethod top = frames.get(0).getMethod();
              methods.merge(top.getType().getName() + "." + top.getName(), 1L, Long::sum);
            });
    Map<String, Long> groups =
        methods.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    method -> groupOf(method.getKey()),
                    Collectors.summingLong(Map.Entry::getValue)));
    return new Summary(samples, sorted(groups), sorted(methods));
  }

  /**
   * The share (%) of a recording's execution samples spent on behalf of the classes under {@code
   * prefix}: those whose nearest frame of our code, from the top, is one of them. What such a class
   * calls (the JDK's SHA-256, pekko's directives) counts as its own; what it hands on to other code
   * of ours (the route it guards) does not.
   */
  public static double shareOnBehalfOf(Path recording, String prefix) throws IOException {
    long[] onBehalf = {0};
    long samples =
        samples(
            recording,
            frames -> {
              for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("io.shelfstream.")) {
                  onBehalf[0] += type.startsWith(prefix) ? 1 : 0;
                  break;
                }
              }
            });
    return samples == 0 ? 0 : 100.0 * onBehalf[0] / samples;
  }

  /** Hands each execution sample's frames, top first, to {@code sample}: how many there were. */
  private static long samples(Path recording, Consumer<List<RecordedFrame>> sample)
      throws IOException {
    long samples = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (event.getEventType().getName().equals("jdk.ExecutionSample")
            && event.getStackTrace() != null
            && !event.getStackTrace().getFrames().isEmpty()) {
          sample.accept(event.getStackTrace().getFrames());
          samples++;
        }
      }
    }
    return samples;
  }

  static String groupOf(String className) {
    return GROUPS.stream()
        .filter(group -> className.startsWith(group.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("other");
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
