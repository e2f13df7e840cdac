package io.shelfstream.simulations.bench;

import java.util.Map;

/** Where a node under test keeps its journal: a fresh PostgreSQL schema, or embedded H2. */
sealed interface NodeDatabase {

  Map<String, String> environment();

  String describe();

  record OnPostgres(Postgres postgres, Postgres.Schema schema) implements NodeDatabase {
    @Override
    public Map<String, String> environment() {
      return Map.of(
          "SHELFSTREAM_DB_URL", postgres.urlFor(schema), "SHELFSTREAM_DB_USER", postgres.user());
    }

    @Override
    public String describe() {
      return "PostgreSQL schema " + schema.name();
    }
  }

  /** No SHELFSTREAM_DB_URL: the node keeps an H2 file database in its data directory. */
  record EmbeddedH2() implements NodeDatabase {
    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public String describe() {
      return "embedded H2";
    }
  }
}
