package io.shelfstream.http.auth.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.shelfstream.http.auth.Principal;
import io.shelfstream.http.auth.Role;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks JWT bearer tokens with nimbus-jose-jwt: the signature (HS256 with the shared secret; RS256
 * or ES256 with a key of the JWKS, found by the token's {@code kid}), {@code exp} (required) and
 * {@code nbf} with the configured clock skew, and the issuer and audience when configured.
 */
public final class JwtVerifier {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final JwtSettings settings;

  /** The JWT was refused; the message says why, without the token. */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  public JwtVerifier(JwtSettings settings) {
    this.settings = settings;
    JWSKeySelector<SecurityContext> hmac =
        settings
            .hs256Secret()
            .<JWSKeySelector<SecurityContext>>map(
                secret ->
                    new JWSVerificationKeySelector<>(
                        JWSAlgorithm.HS256, new ImmutableSecret<>(secret)))
            .orElse(null);
    JWKSource<SecurityContext> keys = jwks(settings);
    JWSKeySelector<SecurityContext> signed =
        keys == null
            ? null
            : new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys);
    processor.setJWSKeySelector(
        (header, context) -> {
          JWSKeySelector<SecurityContext> chosen =
              JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? hmac : signed;
          return chosen == null ? List.of() : chosen.selectJWSKeys(header, context);
        });
    var exact = new JWTClaimsSet.Builder();
    settings.issuer().ifPresent(exact::issuer);
    var claims =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            settings.audience().orElse(null), exact.build(), Set.of("exp", "sub"));
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  public Principal verify(String token) throws Refused {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (Exception e) {
      throw new Refused("JWT refused: " + e.getMessage());
    }
    try {
      Set<Role> roles = new HashSet<>();
      for (String name : strings(claims, settings.rolesClaim())) {
        Role.parse(name).ifPresent(roles::add);
      }
      Object scope = claims.getClaim(settings.scopeClaim());
      if (scope instanceof String text) {
        for (String entry : text.split(" ")) {
          Role.parse(entry.startsWith("shelfstream:") ? entry.substring(12) : entry)
              .ifPresent(roles::add);
        }
      }
      String subject = claims.getSubject();
      return new Principal(
          "jwt " + subject,
          "jwt:" + subject,
          roles,
          Set.copyOf(strings(claims, settings.sourcesClaim())),
          Set.copyOf(strings(claims, settings.storesClaim())));
    } catch (ParseException e) {
      throw new Refused("JWT refused: " + e.getMessage());
    }
  }

  /** A claim given as a list of strings or as one string. */
  private static List<String> strings(JWTClaimsSet claims, String name) throws ParseException {
    Object value = claims.getClaim(name);
    if (value == null) {
      return List.of();
    }
    return value instanceof String one ? List.of(one) : claims.getStringListClaim(name);
  }

  private static JWKSource<SecurityContext> jwks(JwtSettings settings) {
    try {
      if (settings.jwksFile().isPresent()) {
        return new ImmutableJWKSet<>(JWKSet.load(new File(settings.jwksFile().get())));
      }
      if (settings.jwksUrl().isPresent()) {
        // cached and refreshed by nimbus; the first request after a key rotation fetches it
        return JWKSourceBuilder.create(URI.create(settings.jwksUrl().get()).toURL()).build();
      }
      return null;
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "shelfstream.security.jwt: the JWKS cannot be read: " + e.getMessage(), e);
    }
  }
}
