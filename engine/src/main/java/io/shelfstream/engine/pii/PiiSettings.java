package io.shelfstream.engine.pii;

import com.typesafe.config.Config;
import io.shelfstream.engine.secrets.SecretReference;
import io.shelfstream.engine.secrets.SecretResolver;
import io.shelfstream.protocols.mapping.MappingOptions;
import io.shelfstream.protocols.mapping.pii.PiiKey;

/**
 * {@code shelfstream.pii.hmac-key}: the node's key for mapping fields marked {@code "pii": "hash"},
 * given as a secret reference and resolved once, at start. Without it, such mappings are refused. A
 * key that is set but cannot be had fails the start: a node that silently hashed nothing would
 * refuse every hashing integration instead.
 */
public final class PiiSettings {
  public static final String KEY = "shelfstream.pii.hmac-key";

  private PiiSettings() {}

  /** The options every mapping of this node is compiled with. Throws naming the setting. */
  public static MappingOptions fromConfig(Config config, SecretResolver secrets) {
    if (!config.hasPath(KEY)) {
      return MappingOptions.NONE;
    }
    String written = config.getString(KEY);
    if (written.isBlank()) {
      return MappingOptions.NONE;
    }
    if (!SecretReference.isReference(written)) {
      throw new IllegalArgumentException(
          KEY
              + " must be a secret reference such as ${env:SHELFSTREAM_PII_KEY} or"
              + " file:/run/secrets/pii-key, not the key itself"
              + SecretReference.problem(written).map(problem -> ": it " + problem).orElse(""));
    }
    String secret = secrets.resolve(KEY, written);
    var problem = PiiKey.problem(secret);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(KEY + " (" + written + "): " + problem.get());
    }
    return MappingOptions.withPiiKey(PiiKey.of(secret));
  }
}
