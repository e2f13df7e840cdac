/**
 * The {@code sftp} file source: a directory on an SFTP server reached with Apache MINA SSHD, the
 * server's key checked against a known_hosts file, secrets read from the node's environment or
 * files. Polling, parsing and the ledger are the common file pipeline's.
 */
package io.shelfstream.sources.files.sftp;
