package io.shelfstream.engine.secrets;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Turns secret references into their values, at the last moment: when a source starts or tests,
 * never when a spec is validated or journaled. The environment is a function so that tests can give
 * one (a JVM cannot set its own variables).
 */
public final class SecretResolver {
  /** A secret file larger than this is a mistake (a wrong path), not a secret. */
  static final long MAX_FILE_BYTES = 64 * 1024;

  private final Function<String, String> environment;

  public SecretResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Resolves from the node's own environment variables. */
  public static SecretResolver system() {
    return new SecretResolver(System::getenv);
  }

  /**
   * The value {@code value} refers to, or {@code value} itself when it is no reference. Throws
   * {@link SecretUnavailableException} naming {@code field} and the variable or file. Reading a
   * file blocks: call off actor threads, or accept a read of a small local file.
   */
  public String resolve(String field, String value) {
    return SecretReference.parse(value).map(reference -> resolve(field, reference)).orElse(value);
  }

  private String resolve(String field, SecretReference reference) {
    String value = lookUp(field, reference);
    KnownSecrets.remember(value);
    return value;
  }

  private String lookUp(String field, SecretReference reference) {
    return switch (reference.kind()) {
      case ENV -> {
        String found = environment.apply(reference.target());
        if (found == null) {
          throw new SecretUnavailableException(
              field, reference, "is not set: the environment variable is missing on this node");
        }
        yield found;
      }
      case FILE -> read(field, reference);
    };
  }

  private static String read(String field, SecretReference reference) {
    Path path = Path.of(reference.target());
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new SecretUnavailableException(
            field, reference, "is larger than " + MAX_FILE_BYTES + " bytes");
      }
      return withoutFinalNewline(
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString());
    } catch (CharacterCodingException e) {
      throw new SecretUnavailableException(field, reference, "is not UTF-8 text");
    } catch (IOException e) {
      throw new SecretUnavailableException(
          field, reference, "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /** Files written by {@code echo} or editors end with a newline that is not part of a password. */
  private static String withoutFinalNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
