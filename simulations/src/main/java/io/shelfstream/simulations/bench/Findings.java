package io.shelfstream.simulations.bench;

/**
 * Figures one benchmark measured that another compares itself with, within the same bench run (the
 * Kafka rate against the HTTP rate, H2 against PostgreSQL). Null when that benchmark was not run.
 */
final class Findings {

  Series httpPostgresRate;
  Series httpH2Rate;
}
