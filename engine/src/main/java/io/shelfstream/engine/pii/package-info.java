/**
 * Personal data in mapped records: the node's key for fields marked {@code "pii": "hash"}
 * (docs/mapping.md, Personal data).
 */
package io.shelfstream.engine.pii;
