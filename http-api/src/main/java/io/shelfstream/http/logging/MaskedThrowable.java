package io.shelfstream.http.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.shelfstream.engine.secrets.KnownSecrets;

/**
 * {@code %ex} with every secret the node resolved masked: an exception's message may quote a
 * setting (bound in logback.xml, over the stock {@code %ex}).
 */
public final class MaskedThrowable extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return KnownSecrets.mask(super.throwableProxyToString(proxy));
  }
}
