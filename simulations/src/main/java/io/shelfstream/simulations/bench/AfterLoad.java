package io.shelfstream.simulations.bench;

import java.time.Instant;

/** Called with the node still running once its load is done, e.g. to dump a flight recording. */
@FunctionalInterface
interface AfterLoad {

  AfterLoad NOTHING = (node, started, ended) -> {};

  void accept(NodeProcess node, Instant loadStarted, Instant loadEnded) throws Exception;
}
