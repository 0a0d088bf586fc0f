package org.reportremove.helpline.entity;

import org.reportremove.platform.security.Actor;

/**
 * A counsellor did something with a case their helpline may follow up. The actor names the helpline's client and
 * the counsellor ({@code <client>:<counsellor>}); ids only, never what was written.
 */
public record CounsellorActed(Action action, String caseId, Actor actor) {

    /** What the counsellor did. */
    public enum Action {
        CASE_READ,
        NOTES_READ,
        NOTE_WRITTEN,
        MESSAGE_SENT,
        AGE_CONFIRMED,
        AGE_CORRECTED,
        RESET_CODE_ISSUED
    }
}
