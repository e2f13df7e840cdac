package io.shelfstream.http.secrets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line of the JVM while open, as the node's appenders write them (its pattern's {@code
 * %msg} and {@code %ex}, with their conversion rules from logback.xml), at INFO for Kafka's clients
 * (which log their whole configuration) and DEBUG for Shelfstream's own classes.
 */
final class CapturedLogs implements AutoCloseable {
  private static final Map<String, Level> LEVELS =
      Map.of("org.apache.kafka", Level.INFO, "io.shelfstream", Level.DEBUG);

  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Map<String, Level> before = new HashMap<>();

  CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger - %msg%n%ex");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(written);
    appender.start();
    LEVELS.forEach(
        (name, level) -> {
          Logger logger = context.getLogger(name);
          before.put(name, logger.getLevel());
          logger.setLevel(level);
        });
    root().addAppender(appender);
  }

  /** Everything written so far. */
  String text() {
    return written.toString(StandardCharsets.UTF_8); // synchronized, as its writes are
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
