/**
 * Operators' API for the bank of known signals: streamed, idempotent bulk import of JSON lines.
 */
package org.reportremove.signals.boundary;
