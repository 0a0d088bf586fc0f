package org.reportremove.helpline.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.helpline.entity.CounsellorActed;
import org.reportremove.helpline.entity.CounsellorNote;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.security.Actor;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Counsellors' notes on a case: sealed at rest (bound to the note's id), and read back only for counsellors of the
 * partner that wrote them. The young person's API and the analyst exchange never read this table.
 */
@ApplicationScoped
public class CounsellorNotes {

    private static final Logger LOG = Logger.getLogger(CounsellorNotes.class.getName());
    private static final String OWNER_PREFIX = "counsellor-note:";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    HelplineCases cases;

    @Inject
    DataSealer sealer;

    @Inject
    Clock clock;

    @Inject
    Event<CounsellorActed> acted;

    /** A note as its partner's counsellors read it. */
    public record Note(String id, String counsellor, String text, java.time.OffsetDateTime writtenAt) {
    }

    @Transactional
    public Note write(String partner, Actor counsellor, String reference, String text) {
        HelplineCases.ConsentedCase consented = cases.find(partner, reference);
        String id = CounsellorNote.newId();
        CounsellorNote note = CounsellorNote.write(id, consented.reportCase().id(), partner, counsellor.id(),
                sealer.seal(text, OWNER_PREFIX + id), clock.instant());
        em.persist(note);
        em.flush();
        acted.fire(new CounsellorActed(CounsellorActed.Action.NOTE_WRITTEN, consented.reportCase().id(), counsellor));
        LOG.info(() -> "event=helpline.note-written case=" + consented.reportCase().reference().value());
        return open(note);
    }

    /** The partner's own notes on the case, oldest first; the reading is audited. */
    @Transactional
    public List<Note> read(String partner, Actor counsellor, String reference) {
        HelplineCases.ConsentedCase consented = cases.find(partner, reference);
        List<Note> notes = em.createQuery("SELECT n FROM CounsellorNote n WHERE n.caseId = :case"
                        + " AND n.partner = :partner ORDER BY n.writtenAt, n.id", CounsellorNote.class)
                .setParameter("case", consented.reportCase().id())
                .setParameter("partner", partner)
                .getResultStream().map(this::open).toList();
        acted.fire(new CounsellorActed(CounsellorActed.Action.NOTES_READ, consented.reportCase().id(), counsellor));
        return notes;
    }

    private Note open(CounsellorNote note) {
        return new Note(note.id(), note.counsellor(), sealer.open(note.textSealed(), OWNER_PREFIX + note.id()),
                note.writtenAt());
    }
}
