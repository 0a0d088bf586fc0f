/**
 * The bank of known signals: bulk import, and the one lookup ({@link org.reportremove.signals.control.KnownSignals})
 * that tells whether a submitted item is already known.
 */
package org.reportremove.signals.control;
