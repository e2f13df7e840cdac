/**
 * Secrets in integration settings: written as references ({@code ${env:NAME}}, {@code file:/path}),
 * resolved only when a source starts or tests, refused when given inline, and shown as {@code
 * "***"} wherever a spec written by an older version still holds one.
 */
package io.shelfstream.engine.secrets;
