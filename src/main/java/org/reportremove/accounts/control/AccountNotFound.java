package org.reportremove.accounts.control;

import org.reportremove.platform.domain.DomainException;

/** The account a sign-in belonged to is gone (erased). */
public class AccountNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public AccountNotFound() {
        super("There is no account for this sign-in any more.");
    }
}
