package org.reportremove.helpline.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.reportremove.helpline.entity.CounsellorActed;
import org.reportremove.inbox.control.Inbox;
import org.reportremove.platform.security.Actor;

import java.util.List;

/**
 * Messages between a helpline's counsellors and the young person: a counsellor's message lands in the young
 * person's inbox; the thread a helpline reads holds its own counsellors' messages and the replies to them, never
 * another helpline's.
 */
@ApplicationScoped
public class CounsellorMessages {

    @Inject
    HelplineCases cases;

    @Inject
    Inbox inbox;

    @Inject
    Event<CounsellorActed> acted;

    /** @return the message id */
    @Transactional
    public String send(String partner, Actor counsellor, String reference, String text) {
        HelplineCases.ConsentedCase consented = cases.find(partner, reference);
        String id = inbox.writeFromCounsellor(consented.reportCase(), consented.owner(), partner, counsellor.id(),
                text);
        acted.fire(new CounsellorActed(CounsellorActed.Action.MESSAGE_SENT, consented.reportCase().id(), counsellor));
        return id;
    }

    public List<Inbox.ThreadEntry> thread(HelplineCases.ConsentedCase consented, String partner) {
        return inbox.thread(consented.reportCase().id(), partner);
    }
}
