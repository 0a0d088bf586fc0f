package org.reportremove.platform.problem;

import org.reportremove.platform.domain.DomainException;

import java.util.Optional;

/**
 * How one capability's domain failures are answered over HTTP. Each capability's boundary has one (a CDI bean):
 * the failures of its own vocabulary in, problem types, titles, statuses and headers out, in one place.
 */
public interface ProblemMapping {

    /** The answer to this failure, if it is one of this capability's; empty otherwise. */
    Optional<ProblemException> answer(DomainException failure);
}
