package io.shelfstream.protocols.mapping.pii;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's key for {@code "pii": "hash"} fields: a value becomes the first {@value #HASH_BYTES}
 * bytes of its HMAC-SHA256 under this key, as {@value #HASH_HEX_DIGITS} lowercase hex digits.
 * Keyed, so that a short value (an email, a loyalty number) cannot be found by hashing guesses
 * without the key. Never shown: {@link #toString()} says nothing of it.
 */
public final class PiiKey {
  /** A key shorter than this is too easy to guess to protect anything. */
  public static final int MIN_BYTES = 16;

  static final int HASH_BYTES = 16;
  public static final int HASH_HEX_DIGITS = HASH_BYTES * 2;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private PiiKey(byte[] secret) {
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The key of {@code secret}'s UTF-8 bytes; throws when it has fewer than {@value #MIN_BYTES}. */
  public static PiiKey of(String secret) {
    Optional<String> problem = problem(secret);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    return new PiiKey(secret.getBytes(StandardCharsets.UTF_8));
  }

  /** Why {@code secret} cannot be a key; empty when it can. Never quotes it. */
  public static Optional<String> problem(String secret) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
      return Optional.of("the HMAC key must be at least " + MIN_BYTES + " bytes long");
    }
    return Optional.empty();
  }

  /** The digest of {@code text}: {@value #HASH_HEX_DIGITS} hex digits. */
  public String hash(String text) {
    Mac mac = mac();
    byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "PiiKey[***]";
  }
}
