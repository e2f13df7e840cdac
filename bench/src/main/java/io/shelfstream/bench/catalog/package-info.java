/**
 * Issue 24's high-cardinality scenario: a large, skewed catalog (by default 200 locations × 50,000
 * SKUs, 1M POS events) drained by Shelfstream over Kafka, Shelfstream over HTTP and the peer
 * pipeline (Kafka Connect standalone + the Debezium JDBC sink, from {@code bench/peer}), side by
 * side in one run, each on a fresh PostgreSQL schema and broker.
 *
 * <pre>
 * mvn -B -q -DskipTests install
 * java -cp "bench/target/classes:bench/target/lib/*" io.shelfstream.bench.catalog.HighCardinalityBench
 * java -cp "bench/target/classes:bench/target/lib/*" io.shelfstream.bench.catalog.HighCardinalityBench --memory
 * </pre>
 *
 * <p>Results go to {@code bench-results/high-cardinality-<time>.json} and {@code .md}; the
 * children's logs to the temporary directory named on the first line.
 */
package io.shelfstream.bench.catalog;
