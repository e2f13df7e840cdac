package io.shelfstream.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shelfstream.persistence.TestDatabase;
import io.shelfstream.persistence.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCreatorTest {

  @ParameterizedTest
  @MethodSource("io.shelfstream.persistence.TestDatabase#kinds")
  void createsEveryTableAndCanRunAgainAtTheNextStart(String kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      SchemaCreator.createIfMissing(db.settings());
      SchemaCreator.createIfMissing(db.settings());

      try (Connection connection =
          DriverManager.getConnection(
              db.settings().url(), db.settings().user(), db.settings().password())) {
        for (String table :
            new String[] {"event_journal", "event_tag", "snapshot", "dead_letter"}) {
          try (ResultSet rows =
              connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            boolean found = false;
            while (rows.next()) {
              found |= rows.getString("TABLE_NAME").equalsIgnoreCase(table);
            }
            assertThat(found).as(table + " exists in " + kind).isTrue();
          }
        }
      }
    }
  }

  @Test
  void splitsTheDdlIntoStatementsWithoutComments() {
    var statements = SchemaCreator.statements("shelfstream/schema/postgres.sql");
    assertThat(statements).hasSize(9);
    assertThat(statements)
        .allSatisfy(sql -> assertThat(sql).doesNotContain("--").doesNotEndWith(";"));
  }

  @Test
  void anUnreachableDatabaseIsNamedInTheError() {
    var nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none", "u", "p", 1);
    assertThatThrownBy(() -> SchemaCreator.createIfMissing(nowhere))
        .isInstanceOf(SchemaCreator.SchemaException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none");
  }
}
