package io.shelfstream.http.auth.tokens;

import io.shelfstream.persistence.auth.StoredToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The API token format, {@code sst_<id>_<secret>}: a random 64-bit id (hex) that finds the stored
 * row, and a random 256-bit secret (base64url) of which only SHA-256(salt || secret) is stored.
 */
public final class ApiToken {
  public static final String PREFIX = "sst_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private ApiToken() {}

  /** A token's two parts; {@code secret} is the caller's to show once and forget. */
  public record Parts(String id, String secret) {
    public String token() {
      return PREFIX + id + "_" + secret;
    }
  }

  public static Parts generate() {
    return new Parts(
        HEX.formatHex(random(8)),
        Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)));
  }

  public static Optional<Parts> parse(String token) {
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = token.indexOf('_', PREFIX.length());
    if (end < 0 || end == PREFIX.length() || end == token.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Parts(token.substring(PREFIX.length(), end), token.substring(end + 1)));
  }

  public static String newSalt() {
    return HEX.formatHex(random(16));
  }

  /** SHA-256(salt || secret), hex. */
  public static String hash(String saltHex, String secret) {
    MessageDigest sha = sha256();
    sha.update(HEX.parseHex(saltHex));
    return HEX.formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code secret} is the stored token's, compared in constant time. */
  public static boolean matches(StoredToken stored, String secret) {
    byte[] expected = HEX.parseHex(stored.secretHash());
    byte[] given = HEX.parseHex(hash(stored.salt(), secret));
    return MessageDigest.isEqual(expected, given);
  }

  /** For a configured admin token: its digest, compared in constant time with a given one's. */
  public static byte[] digest(String token) {
    return sha256().digest(token.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] random(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return random;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
