/**
 * What Shelfstream accepts and how it names it: canonical retail events ({@code event}) and the
 * wire formats that decode into them ({@code pos}). Plain Java, no actors, no I/O.
 */
package io.shelfstream.protocols;
