package org.reportremove.agecheck.control;

import org.reportremove.agecheck.control.AttestationRefused.Reason;

/**
 * The words of every refused attestation, in one place. Details say what the person or the app can do next,
 * and never repeat the attestation or anything it carried.
 */
final class Refusals {

    private Refusals() {
    }

    static AttestationRefused malformed() {
        return new AttestationRefused(Reason.MALFORMED,
                "The attestation must be the compact signed token (JWS) that the age check provider returned.");
    }

    static AttestationRefused signatureInvalid() {
        return new AttestationRefused(Reason.SIGNATURE_INVALID,
                "The attestation's signature does not match, or it is not signed with ES256 or RS256. "
                        + "Do the age check again with the provider.");
    }

    static AttestationRefused keyUnknown() {
        return new AttestationRefused(Reason.KEY_UNKNOWN,
                "The attestation is signed with a key that the age check provider does not publish. "
                        + "Do the age check again with the provider.");
    }

    static AttestationRefused issuerWrong() {
        return new AttestationRefused(Reason.ISSUER_WRONG,
                "The attestation comes from another issuer than the age check provider this service uses.");
    }

    static AttestationRefused audienceWrong() {
        return new AttestationRefused(Reason.AUDIENCE_WRONG,
                "The attestation was issued for another service. Start the age check from this app.");
    }

    static AttestationRefused expired() {
        return new AttestationRefused(Reason.EXPIRED,
                "The attestation has expired or is dated in the future. Do the age check again with the provider.");
    }

    static AttestationRefused nonceMismatch() {
        return new AttestationRefused(Reason.NONCE_MISMATCH,
                "The attestation was made for another age check. Send it to the age check it was made for, "
                        + "or do this age check with the provider.");
    }

    static AttestationRefused incomplete(String what) {
        return new AttestationRefused(Reason.INCOMPLETE,
                "The attestation does not say " + what + ". Do the age check again, or choose your age band "
                        + "yourself instead.");
    }

    static AttestationRefused over18() {
        return new AttestationRefused(Reason.OVER_18,
                "The age check says you are 18 or over, and this service can only help people under 18. "
                        + "You can still get help: StopNCII.org helps adults stop intimate images of themselves "
                        + "being shared on the platforms that work with it, and the images never leave your device. "
                        + "In the UK, the Revenge Porn Helpline (revengepornhelpline.org.uk) gives adults free, "
                        + "confidential advice. If you are under 18, you can choose your age band yourself instead.");
    }
}
