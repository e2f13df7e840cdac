package io.shelfstream.simulations.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSchemaTest {

  @Test
  void splitsAScriptIntoStatementsWithoutComments() {
    List<String> statements =
        NodeSchema.statements(
            """
            -- a table; with a semicolon in the comment
            CREATE TABLE IF NOT EXISTS t(
              id BIGINT -- trailing comments stay inside the statement
            );

            CREATE INDEX IF NOT EXISTS t_idx ON t(id);
            ALTER TABLE t ADD COLUMN IF NOT EXISTS x INT""");

    assertThat(statements)
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS t(\n"
                + "  id BIGINT -- trailing comments stay inside the statement\n)",
            "CREATE INDEX IF NOT EXISTS t_idx ON t(id)",
            "ALTER TABLE t ADD COLUMN IF NOT EXISTS x INT");
  }

  @Test
  void theNodesOwnDdlHasTheJournalAndTagTablesTheCopyLoads() throws Exception {
    String script =
        Files.readString(
            Path.of("..", "persistence", "src", "main", "resources").resolve(Binaries.NODE_DDL));

    assertThat(NodeSchema.statements(script))
        .anySatisfy(
            statement -> assertThat(statement).contains("CREATE TABLE IF NOT EXISTS event_journal"))
        .anySatisfy(
            statement -> assertThat(statement).contains("CREATE TABLE IF NOT EXISTS event_tag"))
        .allSatisfy(statement -> assertThat(statement).doesNotStartWith("--").doesNotEndWith(";"));
  }
}
