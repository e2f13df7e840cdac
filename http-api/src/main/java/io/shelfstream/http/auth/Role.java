package io.shelfstream.http.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a credential may do. {@code admin} implies every other role. */
public enum Role {
  /** POST events and records. */
  INGEST,
  /** Golden records, read models, dead letters, demand signals, integration status. */
  READ,
  /** The journal's routes, exports, rebuilds and re-drives. */
  REPLAY,
  /** Integrations, mappings, tokens, the audit trail; and everything else. */
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    return Arrays.stream(values()).filter(role -> role.wireName().equals(text)).findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "));
  }
}
