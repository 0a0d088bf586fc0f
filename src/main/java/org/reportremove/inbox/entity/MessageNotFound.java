package org.reportremove.inbox.entity;

import org.reportremove.platform.domain.DomainException;

/** No message with this id in the caller's inbox (also when it is in someone else's). */
public class MessageNotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public MessageNotFound() {
        super("There is no message with this id in your inbox.");
    }
}
