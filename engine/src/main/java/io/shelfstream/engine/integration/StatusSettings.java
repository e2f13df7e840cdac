package io.shelfstream.engine.integration;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * {@code shelfstream.integration-runtime.status}: how long a status may take. A management call
 * never waits on a source's system: a status answers within {@code detailsWait} with what is known
 * then.
 *
 * @param timeout how long a call waits for an integration's supervisor before showing it as {@code
 *     unknown}
 * @param detailsWait how long a status waits for fresh details from its source
 * @param detailsMaxAge details younger than this are answered as they are
 * @param detailsTimeout a details query that takes longer is abandoned, and the status says so
 */
public record StatusSettings(
    Duration timeout, Duration detailsWait, Duration detailsMaxAge, Duration detailsTimeout) {

  public static StatusSettings fromConfig(Config config) {
    var settings =
        new StatusSettings(
            config.getDuration("timeout"),
            config.getDuration("details-wait"),
            config.getDuration("details-max-age"),
            config.getDuration("details-timeout"));
    if (settings.detailsWait.compareTo(settings.timeout) >= 0) {
      throw new ConfigException.BadValue(
          config.origin(),
          "details-wait",
          "must be shorter than timeout (" + settings.timeout + ")");
    }
    return settings;
  }
}
