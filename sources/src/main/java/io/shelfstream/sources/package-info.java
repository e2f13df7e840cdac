/**
 * Stream sources of integrations: each reads one kind of system (Kafka topics, SFTP and local
 * directories, REST APIs) into the shared ingestion pipeline of the engine, and acknowledges to its
 * system only what the pipeline reports durable.
 */
package io.shelfstream.sources;
