package org.reportremove.cases.entity;

import org.reportremove.platform.domain.DomainException;

/**
 * Consent named a helpline partner that this service does not know. The id is the young person's own input, so
 * the message does not repeat it.
 */
public class UnknownHelplinePartner extends DomainException {

    public UnknownHelplinePartner() {
        super("A partner named in consent.partners is not a helpline partner of this service.");
    }
}
