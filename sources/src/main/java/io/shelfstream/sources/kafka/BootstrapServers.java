package io.shelfstream.sources.kafka;

import io.shelfstream.engine.integration.SettingsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code bootstrap-servers} as text: a comma-separated list of {@code host:port}, the host a
 * DNS name, an IPv4 address or a bracketed IPv6 address, the port from 1 to 65535. No lookup: a
 * name that does not resolve shows in the integration's status, never in a management call.
 */
final class BootstrapServers {
  private static final String LABEL = "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
  private static final Pattern SERVER =
      Pattern.compile(
          "(?<host>\\[[0-9A-Fa-f:.]{2,45}]|" + LABEL + "(\\." + LABEL + ")*):(?<port>[0-9]{1,5})");
  private static final int MAX_HOST_CHARS = 253;

  private BootstrapServers() {}

  /** What is wrong with {@code servers}, naming each bad entry; empty when they are valid. */
  static Optional<String> problems(String servers) {
    List<String> problems = new ArrayList<>();
    String[] entries = servers.split(",", -1);
    for (String raw : entries) {
      String entry = raw.strip();
      Matcher server = SERVER.matcher(entry);
      if (entry.isEmpty()) {
        problems.add("an empty entry");
      } else if (!server.matches()) {
        problems.add(SettingsReader.quote(entry) + " is not host:port");
      } else if (server.group("host").length() > MAX_HOST_CHARS) {
        problems.add(SettingsReader.quote(entry) + " has a host longer than 253 characters");
      } else {
        int port = Integer.parseInt(server.group("port"));
        if (port < 1 || port > 65535) {
          problems.add(SettingsReader.quote(entry) + " has port " + port + ", not 1-65535");
        }
      }
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "must be a comma-separated list of host:port such as \"broker1:9092,broker2:9092\": "
            + String.join("; ", problems));
  }
}
