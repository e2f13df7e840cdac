package io.shelfstream.engine.secrets;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values this node has resolved, so that a text about to be shown (an integration's
 * {@code lastError}, a test's answer, a log line) can be masked: a library's error message may
 * quote what it was given (Kafka quotes a misplaced JAAS token, say). Process-wide, since secrets
 * are: any integration's secret is masked in any text.
 */
public final class KnownSecrets {
  /** Shorter values would mask ordinary words; a secret this short is not one anyway. */
  static final int MIN_CHARS = 4;

  /** A password-like option of a JAAS line: {@code password="..."}. */
  private static final Pattern JAAS_OPTION =
      Pattern.compile(
          "([A-Za-z0-9_.-]*(?i:password|secret|token|passphrase)[A-Za-z0-9_.-]*)\\s*=\\s*\"([^\"]*)\"");

  private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

  private KnownSecrets() {}

  /** Remembers {@code value}, and the password options inside it when it is a JAAS line. */
  public static void remember(String value) {
    add(value);
    Matcher option = JAAS_OPTION.matcher(value);
    while (option.find()) {
      add(option.group(2));
    }
  }

  /** {@code text} with every known secret in it replaced by {@value SecretSettings#MASK}. */
  public static String mask(String text) {
    if (text == null || VALUES.isEmpty()) {
      return text;
    }
    String masked = text;
    // longest first: a JAAS line is masked whole before the password inside it
    for (String value :
        VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      if (masked.contains(value)) {
        masked = masked.replace(value, SecretSettings.MASK);
      }
    }
    return masked;
  }

  private static void add(String value) {
    String trimmed = value.strip();
    if (trimmed.length() >= MIN_CHARS) {
      VALUES.add(trimmed);
    }
  }
}
