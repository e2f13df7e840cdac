package io.shelfstream.protocols.mapping;

import io.shelfstream.protocols.mapping.pii.PiiKey;
import java.util.Optional;

/**
 * What a node gives every mapping it compiles: the key of {@code "pii": "hash"} fields, when the
 * node has one ({@code shelfstream.pii.hmac-key}). A mapping that hashes is refused without it.
 */
public record MappingOptions(Optional<PiiKey> piiKey) {
  /** No key: a mapping may drop pii fields but not hash them. */
  public static final MappingOptions NONE = new MappingOptions(Optional.empty());

  public MappingOptions {
    piiKey = piiKey == null ? Optional.empty() : piiKey;
  }

  public static MappingOptions withPiiKey(PiiKey key) {
    return new MappingOptions(Optional.of(key));
  }
}
