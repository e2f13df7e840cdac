package io.shelfstream.sources.files.sftp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.IntegrationSpec;
import io.shelfstream.engine.integration.InvalidIntegrationException;
import io.shelfstream.engine.integration.SettingsReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an {@code sftp} integration's files are and how to log in, as JSON (a PUT body) or HOCON:
 *
 * <pre>
 * type = sftp
 * host = "sftp.retailer.example"
 * port = 22                                   # default
 * user = "feeds"
 * password-env = "SHELFSTREAM_SFTP_PASSWORD"  # or password-file = "/etc/shelfstream/sftp.pass"
 * private-key-file = "/etc/shelfstream/id_ed25519"  # instead of, or with, a password
 * passphrase-env = "..."                      # or passphrase-file: if the key is encrypted
 * known-hosts = "/etc/shelfstream/known_hosts"  # the server's key, from ssh-keyscan
 * strict-host-key-checking = true             # default; false trusts any key (not recommended)
 * remote-dir = "outbound"                     # relative to the login directory, or absolute
 * connect-timeout = 10s
 * auth-timeout = 10s
 * </pre>
 *
 * Secrets are never inline: settings are journaled and shown, so they name an environment variable
 * or a file of the node instead. Where read files move is the file pipeline's {@code processed-dir}
 * (a sub-directory of {@code remote-dir}; without it, files stay where they are). Read without I/O;
 * the file pipeline reads the other keys (patterns, poll interval, layouts), so keys outside {@link
 * #FIELDS} are not this class's errors.
 */
public record SftpSettings(
    String host,
    int port,
    String user,
    SecretSource password,
    Path privateKeyFile,
    SecretSource passphrase,
    Path knownHosts,
    boolean strictHostKeyChecking,
    String remoteDir,
    Duration connectTimeout,
    Duration authTimeout) {

  /** Every key this class reads, including the refused ones that point to the right key. */
  public static final Set<String> FIELDS =
      Set.of(
          "host",
          "port",
          "user",
          "password",
          "password-env",
          "password-file",
          "private-key-file",
          "passphrase",
          "passphrase-env",
          "passphrase-file",
          "known-hosts",
          "strict-host-key-checking",
          "remote-dir",
          "archive-dir",
          "connect-timeout",
          "auth-timeout");

  private static final List<String> REFUSED = List.of("password", "passphrase", "archive-dir");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  /** The settings, or {@link InvalidIntegrationException} naming every bad field. */
  public static SftpSettings of(ObjectNode settings) {
    Read read = read(settings);
    if (!read.errors().isEmpty()) {
      throw new InvalidIntegrationException("sftp", read.errors());
    }
    return read.settings();
  }

  /** Every problem with the keys this class reads; empty when they are valid. */
  public static List<ConfigError> errors(ObjectNode settings) {
    return read(settings).errors();
  }

  /** {@code sftp://user@host:port/remote-dir}: no secret, and no place a secret is kept. */
  public String describe() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    String dir = remoteDir.startsWith("/") ? remoteDir : "/~/" + remoteDir;
    return "sftp://" + user + "@" + hostPart + ":" + port + dir;
  }

  private record Read(SftpSettings settings, List<ConfigError> errors) {}

  private static Read read(ObjectNode json) {
    // The reader never sees the refused keys: no error of its own may echo an inline secret.
    ObjectNode readable = json.deepCopy();
    readable.remove(REFUSED);
    SettingsReader settings =
        SettingsReader.of(new IntegrationSpec("sftp", "sftp", readable.toString()));
    String host = settings.requiredString("host", 253);
    int port = settings.integer("port", 22, 1, 65_535);
    String user = settings.requiredString("user", 255);
    refuseInline(settings, json, "password");
    refuseInline(settings, json, "passphrase");
    SecretSource password = secret(settings, "password");
    Path privateKey = path(settings, "private-key-file");
    SecretSource passphrase = secret(settings, "passphrase");
    if (password == null && privateKey == null && !json.has("password")) {
      settings.error(
          "password-env",
          "a password or a key is required: set password-env, password-file or"
              + " private-key-file");
    }
    if (passphrase != null && privateKey == null) {
      settings.error(passphrase.field(), "is only used with private-key-file, which is not set");
    }
    boolean strict = settings.bool("strict-host-key-checking", true);
    Path knownHosts = path(settings, "known-hosts");
    if (strict && knownHosts == null && !json.has("known-hosts")) {
      settings.error(
          "known-hosts",
          "is required: the path of an OpenSSH known_hosts file holding the server's key"
              + " (ssh-keyscan -p PORT HOST >> FILE), or set strict-host-key-checking = false"
              + " to trust any key (not recommended)");
    }
    String remoteDir = directory(settings.requiredString("remote-dir", 4096));
    if (json.has("archive-dir")) {
      settings.error(
          "archive-dir",
          "is named processed-dir: the sub-directory of remote-dir where read files move (without"
              + " it they stay where they are)");
    }
    Duration connect =
        settings.duration("connect-timeout", Duration.ofSeconds(10), MIN_TIMEOUT, MAX_TIMEOUT);
    Duration auth =
        settings.duration("auth-timeout", Duration.ofSeconds(10), MIN_TIMEOUT, MAX_TIMEOUT);
    List<ConfigError> errors =
        settings.errors().stream().filter(error -> FIELDS.contains(error.field())).toList();
    return new Read(
        new SftpSettings(
            host,
            port,
            user,
            password,
            privateKey,
            passphrase,
            knownHosts,
            strict,
            remoteDir,
            connect,
            auth),
        errors);
  }

  private static void refuseInline(SettingsReader settings, ObjectNode json, String key) {
    if (json.has(key)) {
      settings.error(
          key,
          "must not be written in the settings, which are journaled and shown: name an"
              + " environment variable with "
              + key
              + "-env or a file with "
              + key
              + "-file");
    }
  }

  private static SecretSource secret(SettingsReader settings, String key) {
    String variable = settings.string(key + "-env", null, 128);
    Path file = path(settings, key + "-file");
    if (variable != null && file != null) {
      settings.error(key + "-env", "set " + key + "-env or " + key + "-file, not both");
    }
    if (variable != null && !variable.isBlank() && !VARIABLE.matcher(variable).matches()) {
      settings.error(
          key + "-env",
          "must be the name of an environment variable (letters, digits and _), got "
              + SettingsReader.quote(variable));
    }
    if (variable != null) {
      return new SecretSource.Environment(key + "-env", variable);
    }
    return file == null ? null : new SecretSource.File(key + "-file", file);
  }

  private static Path path(SettingsReader settings, String key) {
    String text = settings.string(key, null, 4096);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      settings.error(key, "is not a valid path: " + e.getReason());
      return null;
    }
  }

  private static String directory(String text) {
    if (text == null || text.length() <= 1 || !text.endsWith("/")) {
      return text;
    }
    return text.substring(0, text.length() - 1);
  }
}
