/**
 * Where the golden record is kept: the database ({@code db}), its schema ({@code schema}), the
 * journal and snapshot plugins ({@code journal}), writes committed in groups ({@code groupcommit}),
 * the dead letters ({@code deadletter}), read models ({@code projection}) and planner statistics
 * ({@code statistics}).
 */
package io.shelfstream.persistence;
