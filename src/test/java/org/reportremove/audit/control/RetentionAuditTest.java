package org.reportremove.audit.control;

import org.junit.jupiter.api.Test;
import org.reportremove.audit.entity.AuditAction;
import org.reportremove.audit.entity.AuditEntry;
import org.reportremove.platform.retention.PurgedRecords;
import org.reportremove.platform.retention.RecordsPurged;
import org.reportremove.platform.security.Actor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A purge is audited as what kind of records and how many, by the service itself: the row names nothing that was
 * purged.
 */
class RetentionAuditTest {

    private record Row(AuditAction action, Actor actor, String objectId) {
    }

    @Test
    void aPurgeIsRecordedAsAKindAndACountByTheService() {
        List<Row> rows = new ArrayList<>();
        AuditObservers observers = new AuditObservers();
        observers.trail = new AuditTrail() {
            @Override
            public AuditEntry record(AuditAction action, Actor actor, String objectId) {
                rows.add(new Row(action, actor, objectId));
                return null;
            }
        };

        observers.recordsPurged(new RecordsPurged(PurgedRecords.CLOSED_CASES, 12));

        assertEquals(List.of(new Row(AuditAction.RECORDS_PURGED, Actor.system("retention"), "CLOSED_CASES:12")),
                rows);
        assertEquals(AuditAction.ObjectType.RETENTION, AuditAction.RECORDS_PURGED.objectType());
    }
}
