package io.shelfstream.engine.secrets;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret is, written in a setting in its place: {@code ${env:NAME}} (an environment
 * variable of the node) or {@code file:/absolute/path} (a file such as a mounted Kubernetes or
 * Docker secret). A reference is not a secret: it is stored, journaled and shown as written, and
 * resolved only by a source that starts or tests.
 */
public record SecretReference(Kind kind, String target) {
  public enum Kind {
    ENV,
    FILE
  }

  private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]{0,255})}");
  private static final String FILE_PREFIX = "file:";

  /** The reference {@code value} is, or empty when it is a plain value. */
  public static Optional<SecretReference> parse(String value) {
    Matcher env = ENV.matcher(value);
    if (env.matches()) {
      return Optional.of(new SecretReference(Kind.ENV, env.group(1)));
    }
    if (value.startsWith(FILE_PREFIX)) {
      String path = value.substring(FILE_PREFIX.length());
      if (!path.isEmpty() && !path.contains("\0") && Path.of(path).isAbsolute()) {
        return Optional.of(new SecretReference(Kind.FILE, path));
      }
    }
    return Optional.empty();
  }

  /**
   * Why {@code value}, which looks like it means to be a reference, is not one; empty when it is a
   * valid reference or does not look like one.
   */
  public static Optional<String> problem(String value) {
    if (parse(value).isPresent()) {
      return Optional.empty();
    }
    if (value.startsWith("${env:")) {
      return Optional.of(
          "is not a valid reference: write ${env:NAME}, NAME of letters, digits and '_'");
    }
    if (value.startsWith(FILE_PREFIX)) {
      return Optional.of("is not a valid reference: write file: and an absolute path");
    }
    return Optional.empty();
  }

  public static boolean isReference(String value) {
    return parse(value).isPresent();
  }

  /** The reference as written in a setting. */
  @Override
  public String toString() {
    return kind == Kind.ENV ? "${env:" + target + "}" : FILE_PREFIX + target;
  }
}
