package org.reportremove.inbox.entity;

import org.reportremove.platform.domain.DomainException;

/** Only a counsellor's message can be answered: the service's own messages have no one to read a reply. */
public class NotACounsellorMessage extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotACounsellorMessage() {
        super("Only a message from a counsellor can be answered.");
    }
}
