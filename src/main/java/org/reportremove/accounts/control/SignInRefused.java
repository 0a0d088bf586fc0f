package org.reportremove.accounts.control;

import org.reportremove.platform.domain.DomainException;

/**
 * A secret that was not right: a passphrase, a recovery code or a refresh token. The same answer whether the
 * username exists or not.
 */
public class SignInRefused extends DomainException {

    private static final long serialVersionUID = 1L;

    public SignInRefused(String detail) {
        super(detail);
    }
}
