package org.reportremove.agecheck.control;

import org.reportremove.platform.domain.DomainException;

/**
 * A provider's attestation that was not accepted, and why: each reason tells the person something different to
 * do next. The detail never repeats the attestation or anything it carried.
 */
public class AttestationRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    /** Why an attestation was refused. */
    public enum Reason {
        MALFORMED, SIGNATURE_INVALID, KEY_UNKNOWN, ISSUER_WRONG, AUDIENCE_WRONG, EXPIRED, NONCE_MISMATCH,
        INCOMPLETE, OVER_18
    }

    private final Reason reason;

    public AttestationRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
