package org.reportremove.helpline.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A counsellor's note on a case, for the counsellors of the same helpline partner only: never the young person,
 * never the analysts, never another helpline. The text arrives already sealed, bound to the note's id.
 *
 * <p>Life cycle: {@link #write} once; it is never changed; it goes with the case.
 */
@Entity
@Table(name = "counsellor_note")
public class CounsellorNote {

    @Id
    private String id;

    @Column(name = "case_id", nullable = false)
    private String caseId;

    @Column(name = "partner", nullable = false)
    private String partner;

    @Column(name = "counsellor", nullable = false)
    private String counsellor;

    @Column(name = "text_sealed", nullable = false)
    private byte[] textSealed;

    @Column(name = "written_at", nullable = false)
    private OffsetDateTime writtenAt;

    protected CounsellorNote() {
    }

    /** A new note id: made before the note, because its text is sealed to it. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** @param counsellor the actor id, {@code <client>:<counsellor>} */
    public static CounsellorNote write(String id, String caseId, String partner, String counsellor, byte[] textSealed,
                                       Instant at) {
        CounsellorNote note = new CounsellorNote();
        note.id = id;
        note.caseId = caseId;
        note.partner = partner;
        note.counsellor = counsellor;
        note.textSealed = textSealed;
        note.writtenAt = at.atOffset(ZoneOffset.UTC);
        return note;
    }

    public String id() {
        return id;
    }

    public String counsellor() {
        return counsellor;
    }

    public byte[] textSealed() {
        return textSealed;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }
}
