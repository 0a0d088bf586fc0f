package org.reportremove.inbox.entity;

import org.reportremove.platform.domain.DomainException;

/**
 * The helpline whose counsellor wrote the message may no longer follow up the case (consent was withdrawn from it):
 * a reply would reach no one, so none is taken.
 */
public class HelplineNoLongerFollowsUp extends DomainException {

    private static final long serialVersionUID = 1L;

    public HelplineNoLongerFollowsUp() {
        this("You no longer agree that this helpline may follow up this case, so it cannot receive a reply. Change"
                + " your consent for the case first.");
    }

    private HelplineNoLongerFollowsUp(String message) {
        super(message);
    }

    /** The case was withdrawn: no helpline follows it up any more, whatever the consent said. */
    public static HelplineNoLongerFollowsUp caseWithdrawn() {
        return new HelplineNoLongerFollowsUp("You withdrew this case, so no helpline follows it up any more and it"
                + " cannot receive a reply.");
    }
}
