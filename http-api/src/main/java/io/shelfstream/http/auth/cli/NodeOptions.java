package io.shelfstream.http.auth.cli;

import io.shelfstream.http.auth.tokens.AdminBootstrap;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which node, and the admin token to use with it. */
final class NodeOptions {
  @Option(
      names = "--url",
      description =
          "the node's API (default http://127.0.0.1:$SHELFSTREAM_HTTP_PORT, port 8080 if unset)")
  URI url;

  @Option(
      names = "--token-file",
      description =
          "a file holding the admin token (default: $SHELFSTREAM_TOKEN if set, else"
              + " $SHELFSTREAM_DATA_DIR/admin-token, ./data/admin-token if unset)")
  Path tokenFile;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  TokenClient client() throws IOException {
    String port = System.getenv().getOrDefault("SHELFSTREAM_HTTP_PORT", "8080");
    URI base = url != null ? url : URI.create("http://127.0.0.1:" + port);
    return new TokenClient(base, adminToken());
  }

  private String adminToken() throws IOException {
    String fromEnv = System.getenv("SHELFSTREAM_TOKEN");
    if (tokenFile == null && fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    Path file =
        tokenFile != null
            ? tokenFile
            : Path.of(System.getenv().getOrDefault("SHELFSTREAM_DATA_DIR", "data"))
                .resolve(AdminBootstrap.FILE_NAME);
    if (!Files.isReadable(file)) {
      throw new IOException(
          "no admin token: "
              + file.toAbsolutePath()
              + " is not readable. Give one with SHELFSTREAM_TOKEN=<admin token> or"
              + " --token-file FILE (a fresh node writes its first admin token to"
              + " <data-dir>/admin-token)");
    }
    return Files.readString(file).strip();
  }
}
