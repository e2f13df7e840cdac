/**
 * Where the golden record is kept: the database ({@code db}), its schema ({@code schema}), the
 * journal and snapshot plugins ({@code journal}), writes committed in groups ({@code groupcommit}),
 * the dedupe index ({@code dedupe}), the dead letters ({@code deadletter}) and read models ({@code
 * projection}).
 */
package io.shelfstream.persistence;
