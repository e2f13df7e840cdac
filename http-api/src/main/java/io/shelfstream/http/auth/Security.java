package io.shelfstream.http.auth;

import io.shelfstream.http.auth.audit.AuditRoutes;
import io.shelfstream.http.auth.audit.Auditor;
import io.shelfstream.http.auth.jwt.JwtVerifier;
import io.shelfstream.http.auth.tokens.AdminBootstrap;
import io.shelfstream.http.auth.tokens.TokenRegistry;
import io.shelfstream.http.auth.tokens.TokenRoutes;
import io.shelfstream.persistence.auth.JdbcAuditLog;
import io.shelfstream.persistence.auth.JdbcTokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A node's authentication, roles, tokens and audit trail, wired from its settings. */
public record Security(Guard guard, Route routes) {
  private static final Logger log = LoggerFactory.getLogger(Security.class);

  /** Blocking: creates the bootstrap admin token when needed. */
  public static Security start(
      SecuritySettings settings, DataSource pool, Executor jdbc, Path dataDir, Clock clock) {
    var tokens = new TokenRegistry(new JdbcTokenStore(pool, jdbc), clock, settings.tokenCacheTtl());
    var auditor = new Auditor(new JdbcAuditLog(pool, jdbc), clock);
    if (!settings.enabled()) {
      log.warn(
          "SECURITY IS OFF (shelfstream.security.enabled = false): anyone who reaches this node's"
              + " port can ingest, read, replay the journal and manage integrations and tokens."
              + " Turn it on unless the port is reachable only by trusted clients.");
    } else if (settings.adminToken().isPresent()) {
      log.info("admin token: the one shelfstream.security.admin-token refers to");
    } else {
      AdminBootstrap.ensureAdmin(tokens, dataDir);
    }
    Optional<JwtVerifier> jwt =
        settings.jwt().enabled() ? Optional.of(new JwtVerifier(settings.jwt())) : Optional.empty();
    Optional<RateLimiter> limiter =
        settings.rateLimit().enabled()
            ? Optional.of(
                new RateLimiter(
                    settings.rateLimit().requestsPerSecond(),
                    settings.rateLimit().burst(),
                    System::nanoTime))
            : Optional.empty();
    var guard =
        new Guard(
            settings.enabled(),
            new Authenticator(settings.adminToken(), tokens, jwt),
            limiter,
            auditor);
    return new Security(
        guard,
        Directives.concat(new TokenRoutes(tokens).route(), new AuditRoutes(auditor).route()));
  }
}
