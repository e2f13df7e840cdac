/**
 * The HTTP face of a node and the node itself: {@code node} assembles and starts a Shelfstream
 * node; {@code pos} takes POS NDJSON; {@code records} serves the golden record; {@code deadletters}
 * and {@code health} serve what ops need.
 */
package io.shelfstream.http;
