package io.shelfstream.http.auth.tokens;

import io.shelfstream.http.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fresh node has no token, and only an admin can create one. So at start, when no admin token is
 * configured and none is active in the database, the node creates one and writes it to {@code
 * <data-dir>/admin-token}, readable by its own user only; the log names the file, never the token.
 */
public final class AdminBootstrap {
  public static final String FILE_NAME = "admin-token";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private AdminBootstrap() {}

  public static void ensureAdmin(TokenRegistry tokens, Path dataDir) {
    if (tokens.activeAdminCount() > 0) {
      return;
    }
    TokenRegistry.Created created = tokens.createNow(Role.ADMIN, "bootstrap");
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    write(file, created.token());
    log.warn(
        "no admin token existed: created admin token {} and wrote it to {} (readable by this user"
            + " only). Create the tokens you need with it (./shelfstream token create), then"
            + " delete the file; revoke it with ./shelfstream token revoke {}",
        created.stored().id(),
        file,
        created.stored().id());
  }

  private static void write(Path file, String token) {
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bootstrap admin token to " + file, e);
    }
  }
}
