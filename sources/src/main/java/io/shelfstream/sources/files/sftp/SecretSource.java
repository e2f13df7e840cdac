package io.shelfstream.sources.files.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a password or passphrase is read from when a store opens: an environment variable of the
 * node or a file on it. Settings are journaled, so they only ever name the place, never the secret;
 * the secret itself lives no longer than the login that needs it.
 */
sealed interface SecretSource {

  /** The setting that named this place, for errors. */
  String field();

  /** The secret, read now; the message of a failure names the place, never a value. */
  String read(UnaryOperator<String> environment) throws IOException;

  record Environment(String field, String variable) implements SecretSource {
    @Override
    public String read(UnaryOperator<String> environment) throws IOException {
      String value = environment.apply(variable);
      if (value == null || value.isEmpty()) {
        throw new IOException(
            field + ": the environment variable " + variable + " is not set on this node");
      }
      return value;
    }

    @Override
    public String toString() {
      return field + "=" + variable;
    }
  }

  record File(String field, Path path) implements SecretSource {
    @Override
    public String read(UnaryOperator<String> environment) throws IOException {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new IOException(
            field + ": cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
      }
      // Files written by `echo` or an editor end with a newline that is not part of the secret.
      String secret = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
      secret = secret.endsWith("\n") ? secret.substring(0, secret.length() - 1) : secret;
      if (secret.isEmpty()) {
        throw new IOException(field + ": " + path + " is empty");
      }
      return secret;
    }

    @Override
    public String toString() {
      return field + "=" + path;
    }
  }
}
