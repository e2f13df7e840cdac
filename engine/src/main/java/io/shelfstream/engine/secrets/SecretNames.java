package io.shelfstream.engine.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which setting names hold secrets: a key with a word such as {@code password}, {@code secret},
 * {@code token}, {@code passphrase}, {@code credentials} or {@code jaas} in it, or ending in {@code
 * key} (key material: {@code ssl.keystore.key}, {@code private-key}, {@code api-key}). A key whose
 * last word says it holds where a secret is ({@code password-env}, {@code private-key-file}) or a
 * public part of it ({@code sasl.oauthbearer.token.endpoint.url}) is not one.
 */
public final class SecretNames {
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "passphrase",
          "credential",
          "credentials",
          "jaas",
          "privatekey",
          "apikey");
  private static final Set<String> NOT_A_SECRET_LAST =
      Set.of("env", "file", "path", "location", "url", "uri", "endpoint", "type", "algorithm");

  private SecretNames() {}

  /** Whether the key {@code key} names a secret. */
  public static boolean isSecret(String key) {
    List<String> words = List.of(key.toLowerCase(Locale.ROOT).split("[.\\-_ ]+"));
    if (words.isEmpty()) {
      return false;
    }
    String last = words.get(words.size() - 1);
    if (NOT_A_SECRET_LAST.contains(last)) {
      return false;
    }
    return last.equals("key") || words.stream().anyMatch(SECRET_WORDS::contains);
  }

  /** Whether a value at this path of keys holds a secret: its key, or an object it is in, does. */
  public static boolean isSecretPath(List<String> keys) {
    if (keys.isEmpty()) {
      return false;
    }
    String last = keys.get(keys.size() - 1);
    if (isSecret(last)) {
      return true;
    }
    List<String> lastWords = List.of(last.toLowerCase(Locale.ROOT).split("[.\\-_ ]+"));
    boolean namesWhere =
        !lastWords.isEmpty() && NOT_A_SECRET_LAST.contains(lastWords.get(lastWords.size() - 1));
    return !namesWhere && keys.subList(0, keys.size() - 1).stream().anyMatch(SecretNames::isSecret);
  }
}
