package io.shelfstream.persistence.db;

/** The databases Shelfstream runs on, and what each needs from the libraries on top. */
public enum Dialect {
  H2("org.h2.Driver", "slick.jdbc.H2Profile$", "h2"),
  POSTGRES("org.postgresql.Driver", "slick.jdbc.PostgresProfile$", "postgres");

  private final String driver;
  private final String slickProfile;
  private final String schemaName;

  Dialect(String driver, String slickProfile, String schemaName) {
    this.driver = driver;
    this.slickProfile = slickProfile;
    this.schemaName = schemaName;
  }

  public String driver() {
    return driver;
  }

  public String slickProfile() {
    return slickProfile;
  }

  /** What pekko-projection-jdbc calls this database ({@code pekko.projection.jdbc.dialect}). */
  public String projectionDialect() {
    return schemaName + "-dialect";
  }

  /** The DDL resource that creates every table this dialect needs. */
  public String schemaResource() {
    return "shelfstream/schema/" + schemaName + ".sql";
  }

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException(
        "shelfstream.db.url must be a jdbc:postgresql: or jdbc:h2: URL, got \"" + jdbcUrl + "\"");
  }
}
