package io.shelfstream.http.auth;

import io.shelfstream.engine.secrets.SecretReference;
import io.shelfstream.engine.secrets.SecretResolver;
import java.util.Optional;

/** A security setting that holds a reference to a secret, never the secret itself. */
public final class SecretSetting {
  private SecretSetting() {}

  /** The secret {@code value} refers to; empty when blank; refuses an inline secret. */
  public static Optional<String> resolve(String path, String value, SecretResolver secrets) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    SecretReference.problem(value)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(path + ": " + problem);
            });
    if (!SecretReference.isReference(value)) {
      // the value is deliberately not quoted: it may be the secret itself
      throw new IllegalArgumentException(
          path
              + ": must be a reference, \"${env:NAME}\" or \"file:/absolute/path\", not the secret"
              + " itself");
    }
    return Optional.of(secrets.resolve(path, value));
  }
}
