/**
 * Operators' API for the bank of known signals: streamed, idempotent bulk import of JSON lines, with removals.
 */
package org.reportremove.signals.boundary;
