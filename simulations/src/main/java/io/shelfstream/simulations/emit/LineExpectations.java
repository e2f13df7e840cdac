package io.shelfstream.simulations.emit;

import io.shelfstream.simulations.noise.Emission;
import io.shelfstream.simulations.noise.MalformedLine;
import io.shelfstream.simulations.noise.ValidLine;

/** Checks one line's acknowledgement against what the simulator knows about the line. */
final class LineExpectations {

  private LineExpectations() {}

  static void check(Emission line, String status, String error, String where, SendStats stats) {
    boolean rejected = "rejected".equals(status);
    if (line instanceof ValidLine valid && rejected) {
      stats.validRejected(
          1, where + ": valid line " + valid.event().eventId() + " rejected: " + error);
    } else if (line instanceof MalformedLine malformed && !rejected) {
      stats.malformedNotRejected(
          1, where + ": malformed line (" + malformed.kind() + ") acknowledged as " + status);
    }
  }
}
