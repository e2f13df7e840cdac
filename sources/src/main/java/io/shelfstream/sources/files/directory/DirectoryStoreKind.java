package io.shelfstream.sources.files.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shelfstream.engine.integration.ConfigError;
import io.shelfstream.engine.integration.SettingsReader;
import io.shelfstream.sources.files.FileStore;
import io.shelfstream.sources.files.FileStoreKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code type = directory}: files dropped in a folder of the node, {@code path} (default {@code
 * live_feeds}, relative to the node's working directory), moved to its {@code processed/} or {@code
 * errors/} sub-directory once read.
 */
public final class DirectoryStoreKind implements FileStoreKind {
  static final String PATH = "path";
  static final String DEFAULT_PATH = "live_feeds";

  @Override
  public String typeName() {
    return "directory";
  }

  @Override
  public List<ConfigError> validate(ObjectNode settings) {
    JsonNode path = settings.get(PATH);
    if (path == null) {
      return List.of();
    }
    if (!path.isTextual() || path.textValue().isBlank() || path.textValue().length() > 4096) {
      return ConfigError.of(
          PATH, "must be the path of a directory, got " + SettingsReader.describe(path));
    }
    try {
      Path.of(path.textValue());
      return List.of();
    } catch (InvalidPathException e) {
      return ConfigError.of(PATH, "is not a valid path: " + e.getReason());
    }
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(PATH);
  }

  @Override
  public FileStore open(ObjectNode settings) throws IOException {
    JsonNode path = settings.get(PATH);
    Path directory = Path.of(path == null ? DEFAULT_PATH : path.textValue()).toAbsolutePath();
    if (!Files.isDirectory(directory)) {
      throw new IOException("the directory " + directory + " does not exist (path)");
    }
    if (!Files.isReadable(directory)) {
      throw new IOException("the directory " + directory + " is not readable by the node (path)");
    }
    return new DirectoryStore(directory);
  }

  @Override
  public Duration defaultPollInterval() {
    return Duration.ofSeconds(5);
  }

  @Override
  public String defaultProcessedDirectory() {
    return "processed";
  }
}
