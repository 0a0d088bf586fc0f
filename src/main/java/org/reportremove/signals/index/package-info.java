/**
 * The in-memory bank of known signals on one node: exact lookup of SHA-256 and MD5 values, and every PDQ
 * hash within a Hamming distance, with exact recall, for banks of ten million hashes. Plain Java only.
 */
package org.reportremove.signals.index;
