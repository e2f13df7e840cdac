package io.shelfstream.http.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the JVM while open, with its stack trace, at INFO for Kafka's clients (which
 * log their whole configuration) and DEBUG for Shelfstream's own classes.
 */
final class CapturedLogs implements AutoCloseable {
  private static final Map<String, Level> LEVELS =
      Map.of("org.apache.kafka", Level.INFO, "io.shelfstream", Level.DEBUG);

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<String, Level> before = new java.util.HashMap<>();

  CapturedLogs() {
    LEVELS.forEach(
        (name, level) -> {
          Logger logger = (Logger) LoggerFactory.getLogger(name);
          before.put(name, logger.getLevel());
          logger.setLevel(level);
        });
    appender.start();
    root().addAppender(appender);
  }

  /** The lines so far, each with its arguments and stack trace. */
  List<String> lines() {
    synchronized (appender) { // AppenderBase.doAppend holds this lock
      return appender.list.stream()
          .map(
              event ->
                  event.getLoggerName()
                      + " "
                      + event.getFormattedMessage()
                      + (event.getThrowableProxy() == null
                          ? ""
                          : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
          .toList();
    }
  }

  @Override
  public void close() {
    root().detachAppender(appender);
    appender.stop();
    before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
