/**
 * Signals as values: a {@link org.reportremove.signals.entity.SignalType} and its normalised value (and, for PDQ,
 * its quality). Each type validates its own values, so a bad hash never gets past construction.
 */
package org.reportremove.signals.entity;
