package io.shelfstream.engine.secrets;

/**
 * A secret reference that cannot be resolved now: the variable is not set, the file cannot be read.
 * Names the setting and where the secret was looked for, never a value. Retriable: a secret mounted
 * late, or a variable set by a restart, resolves on a later attempt.
 */
public final class SecretUnavailableException extends RuntimeException {
  public SecretUnavailableException(String field, SecretReference reference, String why) {
    super(field + ": the secret " + reference + " " + why);
  }
}
