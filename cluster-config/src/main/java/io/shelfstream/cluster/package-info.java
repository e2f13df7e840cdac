/**
 * Cluster configuration only: {@code shelfstream-cluster.conf} (included by every node), {@code
 * multi-node.conf}, and {@code scripts/} to start local clusters. No code lives here; the node that
 * reads these files is assembled in http-api.
 */
package io.shelfstream.cluster;
