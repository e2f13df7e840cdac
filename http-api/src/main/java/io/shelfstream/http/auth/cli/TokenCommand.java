package io.shelfstream.http.auth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./shelfstream token create|list|revoke}: manages a node's API tokens through its API, with
 * an admin token.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke a node's API tokens (with an admin token).",
    subcommands = {
      TokenCommand.Create.class,
      TokenCommand.ListTokens.class,
      TokenCommand.Revoke.class
    })
public final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to do: create, list or revoke");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with errors printed as one line that says what to do. */
  static CommandLine commandLine() {
    return new CommandLine(new TokenCommand())
        .setExecutionExceptionHandler(
            (error, commandLine, parsed) -> {
              commandLine.getErr().println("shelfstream token: " + error.getMessage());
              return 1;
            });
  }

  @Command(name = "create", description = "Create a token; prints it once.")
  static final class Create implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Option(names = "--role", required = true, description = "ingest, read, replay or admin")
    String role;

    @Option(names = "--name", description = "who or what the token is for")
    String name;

    @Option(
        names = {"--source", "--sources"},
        split = ",",
        description = "ingest only: the sources its events may name")
    java.util.List<String> sources = new java.util.ArrayList<>();

    @Option(
        names = "--stores",
        split = ",",
        description = "ingest only: the stores (location ids) its events may name")
    java.util.List<String> stores = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
      var body = new java.util.LinkedHashMap<String, Object>();
      body.put("role", role);
      if (name != null) {
        body.put("name", name);
      }
      if (!sources.isEmpty()) {
        body.put("sources", sources);
      }
      if (!stores.isEmpty()) {
        body.put("stores", stores);
      }
      var created = node.client().send("POST", "/v1/tokens", body, 201);
      node.out().println(created.get("token").asText());
      node.err()
          .println(
              "token "
                  + created.get("id").asText()
                  + " ("
                  + role
                  + "): shown once, keep it now; send it as Authorization: Bearer <token>");
      return 0;
    }
  }

  @Command(name = "list", description = "List the tokens, without their secrets.")
  static final class ListTokens implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Override
    public Integer call() throws Exception {
      var tokens = node.client().send("GET", "/v1/tokens", null, 200).get("tokens");
      node.out().printf("%-16s  %-7s  %-24s  %-20s  %s%n", "ID", "ROLE", "NAME", "SCOPE", "STATE");
      for (var token : tokens) {
        String scope =
            String.join(",", TokenClient.texts(token.get("sources")))
                + (token.get("stores").isEmpty()
                    ? ""
                    : " stores " + String.join(",", TokenClient.texts(token.get("stores"))));
        node.out()
            .printf(
                "%-16s  %-7s  %-24s  %-20s  %s%n",
                token.get("id").asText(),
                token.get("role").asText(),
                token.get("name").asText(),
                scope.isBlank() ? "-" : scope.strip(),
                token.get("revokedAt").isNull()
                    ? "active"
                    : "revoked " + token.get("revokedAt").asText());
      }
      return 0;
    }
  }

  @Command(name = "revoke", description = "Revoke a token at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin NodeOptions node;

    @Parameters(paramLabel = "ID", description = "the token's id (see list)")
    String id;

    @Override
    public Integer call() throws Exception {
      node.client().send("DELETE", "/v1/tokens/" + id, null, 204);
      node.err().println("token " + id + " revoked");
      return 0;
    }
  }
}
