/**
 * The {@code report-remove-keys} command: makes and rotates every key the service and its partners need, in the
 * formats the settings take, and writes them readable by their owner only. Ships as its own jar with Nimbus and
 * Tink; kept out of the war.
 */
package org.reportremove.platform.keys;
