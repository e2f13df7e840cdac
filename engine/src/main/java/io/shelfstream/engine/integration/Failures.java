package io.shelfstream.engine.integration;

import io.shelfstream.engine.secrets.KnownSecrets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How a failure reads in an integration's status: what failed, and what caused it. */
final class Failures {
  private static final int MAX_CHARS = 1000;

  private Failures() {}

  /** "KafkaException: Failed to construct kafka consumer (caused by ConfigException: ...)". */
  static String describe(Throwable failure) {
    Throwable top = unwrap(failure);
    StringBuilder text = new StringBuilder(line(top));
    Throwable cause = top.getCause();
    for (int depth = 0; cause != null && cause != top && depth < 4; depth++) {
      text.append(" (caused by ").append(line(cause)).append(')');
      top = cause;
      cause = cause.getCause();
    }
    // a library's message may quote a secret it was given
    String shown = KnownSecrets.mask(text.toString());
    return shown.length() <= MAX_CHARS ? shown : shown.substring(0, MAX_CHARS) + "...";
  }

  /** The failure itself, out of the wrappers futures put around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String line(Throwable failure) {
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
