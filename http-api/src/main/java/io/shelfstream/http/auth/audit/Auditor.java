package io.shelfstream.http.auth.audit;

import io.shelfstream.persistence.auth.AuditEntry;
import io.shelfstream.persistence.auth.JdbcAuditLog;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit entries without holding up the answer. An entry that cannot be written (the database
 * is down) is logged whole instead, so that the trail survives in the log.
 */
public final class Auditor {
  private static final Logger log = LoggerFactory.getLogger(Auditor.class);
  private final JdbcAuditLog auditLog;
  private final Clock clock;

  public Auditor(JdbcAuditLog auditLog, Clock clock) {
    this.auditLog = auditLog;
    this.clock = clock;
  }

  public void record(String actor, String method, String path, int status, String remote) {
    var entry = new AuditEntry(clock.instant(), actor, method, path, status, remote);
    auditLog
        .append(entry)
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                log.warn("audit entry not stored ({}): {}", error.getMessage(), entry);
              }
            });
  }

  public JdbcAuditLog log() {
    return auditLog;
  }
}
