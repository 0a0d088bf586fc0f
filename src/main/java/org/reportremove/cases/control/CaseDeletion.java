package org.reportremove.cases.control;

import org.reportremove.platform.outbox.OutboxClaims;
import org.reportremove.platform.outbox.Topic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Deletes cases past their retention, on a connection the caller commits. The database's {@code ON DELETE CASCADE}
 * keys take the case's items and signals, its inbox messages, the analyst exchange's record of it and its results
 * along; its idempotency keys go too, and whatever the outbox still holds about it, claimed or not, is taken back
 * (a safeguarding flag, a package whose lease would run out), so nothing about a purged case leaves afterwards. The
 * audit rows stay: they name the case by its id only.
 */
public final class CaseDeletion {

    private static final String REFERENCES = "SELECT case_reference, analyst_reference FROM report_case WHERE id = ?";
    private static final String KEYS = "DELETE FROM case_submission WHERE case_id = ?";
    private static final String CASE = "DELETE FROM report_case WHERE id = ?";

    private CaseDeletion() {
    }

    /** Deletes the cases with the given ids (ids of cases that are gone already are passed over). */
    public static int delete(Connection connection, List<String> caseIds) throws SQLException {
        int deleted = 0;
        for (String caseId : caseIds) {
            deleted += delete(connection, caseId);
        }
        return deleted;
    }

    private static int delete(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(REFERENCES)) {
            select.setString(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                OutboxClaims.discardAll(connection, Topic.HELPLINE, row.getString(1));
                OutboxClaims.discardAll(connection, Topic.ANALYSTS, row.getString(2));
            }
        }
        try (PreparedStatement keys = connection.prepareStatement(KEYS)) {
            keys.setString(1, caseId);
            keys.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(CASE)) {
            delete.setString(1, caseId);
            return delete.executeUpdate();
        }
    }
}
