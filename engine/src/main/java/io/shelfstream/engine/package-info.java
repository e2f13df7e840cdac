/**
 * The golden record and how events reach it: event-sourced entities per store and per location, the
 * latter keeping a record per SKU there ({@code inventory}, {@code store}), the conflict policies
 * they merge with ({@code policy}), their dedupe memory ({@code dedupe}), the sharded front door
 * ({@code record}) and the ingestion pipeline shared by every source ({@code ingest}).
 */
package io.shelfstream.engine;
