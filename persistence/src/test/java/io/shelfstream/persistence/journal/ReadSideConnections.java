package io.shelfstream.persistence.journal;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;

/** A connection of the pool pekko-persistence-jdbc's read journal uses, as it configures it. */
final class ReadSideConnections {
  private ReadSideConnections() {}

  static Connection open(ActorSystem<?> system, Config config) throws SQLException {
    var slick = (SlickExtensionImpl) SlickExtension.get(system);
    return slick
        .database(config.getConfig("jdbc-read-journal"))
        .database()
        .source()
        .createConnection();
  }
}
