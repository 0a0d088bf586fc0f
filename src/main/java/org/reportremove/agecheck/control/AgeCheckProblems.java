package org.reportremove.agecheck.control;

import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;

/**
 * The words of every refused attestation, in one place. Details say what the person or the app can do next,
 * and never repeat the attestation or anything it carried.
 */
final class AgeCheckProblems {

    private AgeCheckProblems() {
    }

    static ProblemException malformed() {
        return new ProblemException(ProblemType.ATTESTATION_MALFORMED,
                "The attestation must be the compact signed token (JWS) that the age check provider returned.");
    }

    static ProblemException signatureInvalid() {
        return new ProblemException(ProblemType.ATTESTATION_SIGNATURE_INVALID,
                "The attestation's signature does not match, or it is not signed with ES256 or RS256. "
                        + "Do the age check again with the provider.");
    }

    static ProblemException keyUnknown() {
        return new ProblemException(ProblemType.ATTESTATION_KEY_UNKNOWN,
                "The attestation is signed with a key that the age check provider does not publish. "
                        + "Do the age check again with the provider.");
    }

    static ProblemException issuerWrong() {
        return new ProblemException(ProblemType.ATTESTATION_ISSUER_WRONG,
                "The attestation comes from another issuer than the age check provider this service uses.");
    }

    static ProblemException audienceWrong() {
        return new ProblemException(ProblemType.ATTESTATION_AUDIENCE_WRONG,
                "The attestation was issued for another service. Start the age check from this app.");
    }

    static ProblemException expired() {
        return new ProblemException(ProblemType.ATTESTATION_EXPIRED,
                "The attestation has expired or is dated in the future. Do the age check again with the provider.");
    }

    static ProblemException nonceMismatch() {
        return new ProblemException(ProblemType.ATTESTATION_NONCE_MISMATCH,
                "The attestation was made for another age check. Send it to the age check it was made for, "
                        + "or do this age check with the provider.");
    }

    static ProblemException incomplete(String what) {
        return new ProblemException(ProblemType.ATTESTATION_INCOMPLETE,
                "The attestation does not say " + what + ". Do the age check again, or choose your age band "
                        + "yourself instead.");
    }

    static ProblemException over18() {
        return new ProblemException(ProblemType.OVER_18,
                "The age check says you are 18 or over, and this service can only help people under 18. "
                        + "You can still get help: StopNCII.org helps adults stop intimate images of themselves "
                        + "being shared on the platforms that work with it, and the images never leave your device. "
                        + "In the UK, the Revenge Porn Helpline (revengepornhelpline.org.uk) gives adults free, "
                        + "confidential advice. If you are under 18, you can choose your age band yourself instead.");
    }

    static ProblemException providerUnavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The age check provider's keys could not be read just now. Try again in a little while.");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no age check with this id. Start a new one.");
    }
}
