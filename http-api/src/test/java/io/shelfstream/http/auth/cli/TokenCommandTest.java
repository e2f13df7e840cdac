package io.shelfstream.http.auth.cli;

import static io.shelfstream.http.testkit.PosJson.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.shelfstream.http.node.ShelfstreamNode;
import io.shelfstream.http.testkit.Api;
import io.shelfstream.http.testkit.TestNode;
import io.shelfstream.persistence.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ./shelfstream token against a real node, with the admin token from a file. */
class TokenCommandTest {

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit =
        TokenCommand.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void createsListsAndRevokesTokensWithTheAdminTokenFromAFile() throws Exception {
    Path data = Files.createTempDirectory("shelfstream-cli-");
    try (TestDatabase db = TestDatabase.h2();
        ShelfstreamNode node = TestNode.start(db.settings(), data)) {
      String url = TestNode.baseUrl(node);
      Path adminFile = data.resolve("test-admin-token");
      List<String> common = List.of("--url", url, "--token-file", adminFile.toString());

      var created =
          run(
              concat(
                  "create",
                  common,
                  "--role",
                  "ingest",
                  "--source",
                  "pos",
                  "--stores",
                  "S001,S002",
                  "--name",
                  "tills"));
      assertThat(created.exit()).as(created.err()).isZero();
      String token = created.out().strip();
      assertThat(token).startsWith("sst_");
      assertThat(created.err()).contains("shown once");
      Api till = new Api(url).as(Optional.of(token));
      assertThat(till.postNdjson(sale("cli-1", "S002", "SKU-1", 1)).json().get("accepted").asInt())
          .isEqualTo(1);

      String id = token.substring(4, token.indexOf('_', 4));
      var listed = run(concat("list", common));
      assertThat(listed.out()).contains(id, "ingest", "tills", "pos stores S001,S002", "active");
      assertThat(listed.out()).doesNotContain(token);

      assertThat(run(concat("revoke", common, id)).exit()).isZero();
      assertThat(till.postNdjson(sale("cli-2", "S002", "SKU-1", 1)).status()).isEqualTo(401);
      assertThat(run(concat("list", common)).out()).contains("revoked");

      var missing = run("list", "--url", url, "--token-file", data.resolve("none").toString());
      assertThat(missing.exit()).isEqualTo(1);
      assertThat(missing.err()).contains("no admin token").contains("SHELFSTREAM_TOKEN");
      Path readerFile = Files.writeString(data.resolve("reader"), tokenFor(url, adminFile, "read"));
      var notAdmin = run("list", "--url", url, "--token-file", readerFile.toString());
      assertThat(notAdmin.err()).contains("not an admin token");
    }
  }

  private static String tokenFor(String url, Path adminFile, String role) {
    var created = run("create", "--url", url, "--token-file", adminFile.toString(), "--role", role);
    return created.out().strip();
  }

  private static String[] concat(String command, List<String> common, String... more) {
    var args = new java.util.ArrayList<String>();
    args.add(command);
    args.addAll(common);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }
}
