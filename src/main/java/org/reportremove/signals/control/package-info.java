/**
 * The bank of known signals: bulk import and removal, the analysts' shared signals, the change log every node
 * follows, and the one lookup ({@link org.reportremove.signals.control.KnownSignals}) that tells whether a submitted
 * item is already known, answered from each node's in-memory index.
 */
package org.reportremove.signals.control;
