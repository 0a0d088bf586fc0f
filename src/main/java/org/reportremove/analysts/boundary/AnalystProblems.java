package org.reportremove.analysts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.analysts.control.BundleEncryptionRequired;
import org.reportremove.analysts.control.BundleRefused;
import org.reportremove.analysts.control.BundleReplayed;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemMapping;
import org.reportremove.platform.problem.ProblemType;

import java.util.Optional;

/**
 * How the analyst exchange's failures are answered (a single bad result event is answered in the batch's own
 * answer, not as a problem).
 */
@ApplicationScoped
public class AnalystProblems implements ProblemMapping {

    public static final ProblemType BUNDLE_REFUSED = new ProblemType(422, "bundle-refused",
            "The bundle cannot be trusted or read");
    public static final ProblemType BUNDLE_REPLAYED = new ProblemType(409, "bundle-replayed",
            "This bundle was imported before");
    public static final ProblemType BUNDLE_ENCRYPTION_REQUIRED = new ProblemType(409, "bundle-encryption-required",
            "Bundles may leave only encrypted");

    @Override
    public Optional<ProblemException> answer(DomainException failure) {
        if (failure instanceof BundleRefused) {
            return Optional.of(new ProblemException(BUNDLE_REFUSED, failure.getMessage()));
        }
        if (failure instanceof BundleEncryptionRequired) {
            return Optional.of(new ProblemException(BUNDLE_ENCRYPTION_REQUIRED, failure.getMessage()));
        }
        if (failure instanceof BundleReplayed) {
            return Optional.of(new ProblemException(BUNDLE_REPLAYED, failure.getMessage()));
        }
        return Optional.empty();
    }
}
