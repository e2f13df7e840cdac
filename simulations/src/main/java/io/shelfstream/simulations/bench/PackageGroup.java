package io.shelfstream.simulations.bench;

import java.util.List;
import java.util.Map;

/** Which part of the stack a class belongs to, for the profile's tables by package. */
final class PackageGroup {

  private static final List<Map.Entry<String, String>> PREFIXES =
      List.of(
          Map.entry("io.shelfstream.", "shelfstream (our code)"),
          Map.entry("org.apache.pekko.", "pekko"),
          Map.entry("slick.", "slick"),
          Map.entry("org.postgresql.", "JDBC driver"),
          Map.entry("org.h2.", "JDBC driver"),
          Map.entry("com.zaxxer.hikari.", "HikariCP"),
          Map.entry("com.fasterxml.jackson.", "jackson"),
          Map.entry("org.apache.kafka.", "kafka-clients"),
          Map.entry("scala.", "scala library"),
          Map.entry("ch.qos.logback.", "logging"),
          Map.entry("org.slf4j.", "logging"),
          Map.entry("java.", "JDK"),
          Map.entry("javax.", "JDK"),
          Map.entry("jdk.", "JDK"),
          Map.entry("sun.", "JDK"),
          Map.entry("com.sun.", "JDK"));

  private PackageGroup() {}

  static String of(String className) {
    for (Map.Entry<String, String> prefix : PREFIXES) {
      if (className.startsWith(prefix.getKey())) {
        return prefix.getValue();
      }
    }
    return "other";
  }
}
