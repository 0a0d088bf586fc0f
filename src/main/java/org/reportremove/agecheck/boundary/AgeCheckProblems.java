package org.reportremove.agecheck.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.agecheck.control.AgeCheckNotFound;
import org.reportremove.agecheck.control.AgeProviderUnavailable;
import org.reportremove.agecheck.control.AttestationRefused;
import org.reportremove.agecheck.entity.AgeCheckExpired;
import org.reportremove.agecheck.entity.AgeCheckUsed;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How age check failures are answered: one problem type per reason an attestation is refused, so that an app can
 * tell the person what to do.
 */
@ApplicationScoped
public class AgeCheckProblems implements ProblemMapping {

    public static final ProblemType ATTESTATION_MALFORMED = new ProblemType(400, "attestation-malformed",
            "The attestation is not a signed token");
    public static final ProblemType ATTESTATION_SIGNATURE_INVALID = new ProblemType(422,
            "attestation-signature-invalid", "The attestation's signature is not valid");
    public static final ProblemType ATTESTATION_KEY_UNKNOWN = new ProblemType(422, "attestation-key-unknown",
            "The attestation is signed with a key the provider has not published");
    public static final ProblemType ATTESTATION_ISSUER_WRONG = new ProblemType(422, "attestation-issuer-wrong",
            "The attestation is not from this service's age check provider");
    public static final ProblemType ATTESTATION_AUDIENCE_WRONG = new ProblemType(422, "attestation-audience-wrong",
            "The attestation is meant for another service");
    public static final ProblemType ATTESTATION_EXPIRED = new ProblemType(422, "attestation-expired",
            "The attestation has expired or is not valid yet");
    public static final ProblemType ATTESTATION_NONCE_MISMATCH = new ProblemType(422, "attestation-nonce-mismatch",
            "The attestation belongs to another age check");
    public static final ProblemType ATTESTATION_INCOMPLETE = new ProblemType(422, "attestation-incomplete",
            "The attestation does not say what the service needs");
    public static final ProblemType AGE_CHECK_USED = new ProblemType(409, "age-check-used",
            "This age check has already been used");
    public static final ProblemType AGE_CHECK_EXPIRED = new ProblemType(404, "age-check-expired",
            "This age check has expired");
    public static final ProblemType OVER_18 = new ProblemType(422, "over-18", "This service is for people under 18");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        ProblemType type;
        if (failure instanceof AttestationRefused refused) {
            type = switch (refused.reason()) {
                case MALFORMED -> ATTESTATION_MALFORMED;
                case SIGNATURE_INVALID -> ATTESTATION_SIGNATURE_INVALID;
                case KEY_UNKNOWN -> ATTESTATION_KEY_UNKNOWN;
                case ISSUER_WRONG -> ATTESTATION_ISSUER_WRONG;
                case AUDIENCE_WRONG -> ATTESTATION_AUDIENCE_WRONG;
                case EXPIRED -> ATTESTATION_EXPIRED;
                case NONCE_MISMATCH -> ATTESTATION_NONCE_MISMATCH;
                case INCOMPLETE -> ATTESTATION_INCOMPLETE;
                case OVER_18 -> OVER_18;
            };
        } else if (failure instanceof AgeCheckUsed) {
            type = AGE_CHECK_USED;
        } else if (failure instanceof AgeCheckExpired) {
            type = AGE_CHECK_EXPIRED;
        } else if (failure instanceof AgeCheckNotFound) {
            type = ProblemType.NOT_FOUND;
        } else if (failure instanceof AgeProviderUnavailable) {
            type = ProblemType.UNAVAILABLE;
        } else {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(type, failure.getMessage()));
    }
}
