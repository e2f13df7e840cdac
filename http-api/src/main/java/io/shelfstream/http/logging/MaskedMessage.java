package io.shelfstream.http.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.shelfstream.engine.secrets.KnownSecrets;

/**
 * {@code %msg} with every secret the node resolved masked: a library may log what it was given
 * (bound in logback.xml, over the stock {@code %msg}).
 */
public final class MaskedMessage extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return KnownSecrets.mask(super.convert(event));
  }
}
