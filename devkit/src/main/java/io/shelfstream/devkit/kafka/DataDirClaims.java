package io.shelfstream.devkit.kafka;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure no other broker runs on a data directory before Kafka touches it. Kafka locks the
 * directory only when its broker half starts, after its controller half has opened the metadata log
 * in that same directory: a second node started on a directory in use writes to the live metadata
 * log before failing on the lock, and the first node then spins in its Raft thread and never shuts
 * down (seen with Kafka 3.8.0).
 */
final class DataDirClaims {
  // Kafka's own lock file; a process holding it is a running Kafka node
  private static final String KAFKA_LOCK = ".lock";
  private static final Set<Path> CLAIMED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private DataDirClaims() {}

  static void claim(Path dataDir) {
    if (!CLAIMED_IN_THIS_JVM.add(dataDir)) {
      throw inUse(dataDir, "another LocalKafkaBroker in this JVM");
    }
    try {
      requireNotLockedByAnotherProcess(dataDir);
    } catch (RuntimeException e) {
      CLAIMED_IN_THIS_JVM.remove(dataDir);
      throw e;
    }
  }

  static void release(Path dataDir) {
    CLAIMED_IN_THIS_JVM.remove(dataDir);
  }

  /**
   * Probes Kafka's lock file. Only for other processes: closing a channel on a file releases every
   * lock this JVM holds on it, so a directory claimed in this JVM is never probed.
   */
  private static void requireNotLockedByAnotherProcess(Path dataDir) {
    Path lockFile = dataDir.resolve(KAFKA_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(dataDir, "another process");
      }
      lock.release();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot check whether Kafka data dir " + dataDir + " is in use: " + e, e);
    }
  }

  private static IllegalStateException inUse(Path dataDir, String user) {
    return new IllegalStateException(
        "Kafka data dir " + dataDir + " is in use by " + user + " (a running Kafka broker?)");
  }
}
