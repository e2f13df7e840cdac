package io.shelfstream.sources.files;

import com.typesafe.config.Config;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;

/**
 * {@code shelfstream.sources.files.decode}: a file's records are decoded (CSV fields, the mapping,
 * the POS rules) in groups of {@code rowsPerGroup}, up to {@code groupsInFlight} groups at once on
 * {@code executor}, so that a file is not read at the pace of one core. Events keep the file's
 * order.
 */
record RowDecoding(int rowsPerGroup, int groupsInFlight, Executor executor) {
  static final String DISPATCHER = "shelfstream-file-decode-dispatcher";

  RowDecoding {
    if (rowsPerGroup < 1 || groupsInFlight < 1) {
      throw new IllegalArgumentException(
          "shelfstream.sources.files.decode rows-per-group and groups-in-flight must be >= 1");
    }
  }

  static RowDecoding of(ActorSystem<?> system) {
    Config config = system.settings().config().getConfig("shelfstream.sources.files.decode");
    return new RowDecoding(
        config.getInt("rows-per-group"),
        config.getInt("groups-in-flight"),
        system.dispatchers().lookup(DispatcherSelector.fromConfig(DISPATCHER)));
  }
}
