package org.reportremove.accounts.control;

import org.reportremove.platform.domain.DomainException;

/** Another account has this username already (usernames are unique regardless of case). */
public class UsernameTaken extends DomainException {

    private static final long serialVersionUID = 1L;

    public UsernameTaken() {
        super("That username is taken. Choose another one (it does not have to mean anything).");
    }
}
