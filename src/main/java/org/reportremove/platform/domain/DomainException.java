package org.reportremove.platform.domain;

/**
 * A failure in a capability's own words ({@code CaseNotFound}, {@code AttestationRefused}), knowing nothing of
 * HTTP: each capability's boundary says how its failures are answered (a {@code ProblemMapping}). The message is
 * meant for the person or the client developer and carries ids and rules, never personal data or what a caller
 * sent. Expected failures, so no stack trace is taken.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
