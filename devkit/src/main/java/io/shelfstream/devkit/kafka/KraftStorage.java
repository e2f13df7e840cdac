package io.shelfstream.devkit.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The data directory of the broker. A KRaft node refuses to start on storage that was never
 * formatted, so the first start formats it as {@code kafka-storage.sh format} does; later starts
 * find it formatted and keep its data and cluster id.
 */
final class KraftStorage {
  private KraftStorage() {}

  static void prepare(Path dataDir, KafkaConfig config) {
    requireUsable(dataDir);
    if (Files.exists(dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
      return;
    }
    if (!isEmpty(dataDir)) {
      throw new IllegalStateException(
          "Kafka data dir "
              + dataDir
              + " is not empty and holds no Kafka storage (no meta.properties):"
              + " give the broker an empty or a new directory");
    }
    MetaProperties node = StorageTool.buildMetadataProperties(Uuid.randomUuid().toString(), config);
    // formatCommand reports each directory it formats; the broker says itself when it is ready
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    StorageTool.formatCommand(
        silent,
        StorageTool.configToLogDirectories(config),
        node,
        MetadataVersion.LATEST_PRODUCTION,
        false);
  }

  private static void requireUsable(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException | SecurityException e) {
      throw new IllegalStateException(
          "Kafka data dir " + dataDir + " cannot be created: " + describe(e), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw new IllegalStateException("Kafka data dir " + dataDir + " is not writable");
    }
  }

  private static boolean isEmpty(Path dataDir) {
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Kafka data dir " + dataDir + " cannot be read: " + describe(e), e);
    }
  }

  // NIO exceptions often carry only the path as their message: the class says what went wrong
  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + " " + e.getMessage();
  }
}
