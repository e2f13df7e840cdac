/**
 * Where the golden record is kept: the database ({@code db}), its schema ({@code schema}), the
 * journal and snapshot plugins' settings, and the dead letters ({@code deadletter}).
 */
package io.shelfstream.persistence;
