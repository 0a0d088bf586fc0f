package org.reportremove.signals.entity;

import org.reportremove.platform.security.Actor;

/** An operator imported signals into the bank of known signals. */
public record KnownSignalsImported(String importId, Actor actor) {
}
