/**
 * The {@code report-remove-hash} command: hashes photos and videos on the user's own computer
 * and prints the items JSON (or TSV) that the case API accepts. It reads local files only and
 * never opens a network connection.
 */
package org.reportremove.signals.hashing.cli;
