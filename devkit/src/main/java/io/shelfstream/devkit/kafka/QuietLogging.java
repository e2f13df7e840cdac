package io.shelfstream.devkit.kafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka logs every step of its startup at INFO, hundreds of lines; a dev broker in a terminal shows
 * only warnings and errors. A logback configuration given with -Dlogback.configurationFile wins.
 */
final class QuietLogging {
  private QuietLogging() {}

  static void warnUnlessConfigured() {
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
      // Kafka 3.8's controller warns on every start of a healthy node ("Performing controller
      // activation", "metadata.version that is unknown to the controller"): noise to a new user
      logback.getLogger("org.apache.kafka.controller").setLevel(Level.ERROR);
    }
  }
}
