package org.reportremove.signals.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.enterprise.event.Event;
import org.reportremove.platform.security.Actor;
import org.reportremove.signals.entity.KnownSignalsImported;
import org.reportremove.signals.entity.ShareableSignalsImported;
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.logging.Logger;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Imports signals into the bank from JSON lines ({@code {"type": "PDQ", "value": "…", "quality": 90}}), and takes
 * them out again ({@code {"type": "MD5", "value": "…", "action": "REMOVE"}}), streamed: lines are read one at a time
 * and written in batches, each committed on its own, so memory stays flat whatever the size (a million lines is an
 * ordinary import). Signals already in the bank are left as they are, and removing one that is not there changes
 * nothing, so an import that was cut off can simply be run again. Invalid lines are counted and skipped. Every
 * value added or removed is written to the change log in its batch's transaction, which is how every node's index
 * learns of it. An import may share its signals on a hash list of the industry feed: after each batch commits,
 * {@link ShareableSignalsImported} names the batch's signals to share and those it removed.
 */
@ApplicationScoped
public class KnownSignalImport {

    private static final Logger LOG = Logger.getLogger(KnownSignalImport.class.getName());
    private static final int BATCH = 2000;
    private static final int MAX_LISTED = 100;
    private static final int MAX_LINE = 1024;
    private static final String TOO_LONG = "the line is too long to be one signal";

    private static final String INSERT_POSTGRESQL = "INSERT INTO known_signal (signal_type, signal_value, quality,"
            + " imported_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_H2 = "INSERT INTO known_signal (signal_type, signal_value, quality, imported_at)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM known_signal WHERE signal_type = ? AND signal_value = ?)";
    private static final String DELETE = "DELETE FROM known_signal WHERE signal_type = ? AND signal_value = ?";
    /** A value a case shared, imported now: the operator's import is its origin from now on. */
    private static final String ADOPT = "UPDATE known_signal SET shared_item = NULL WHERE signal_type = ?"
            + " AND signal_value = ? AND shared_item IS NOT NULL";
    static final String ADD = "ADD";
    static final String REMOVE = "REMOVE";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<KnownSignalsImported> imported;

    @Inject
    Event<ShareableSignalsImported> shareable;

    /** An import is told once it is done, with its id (its content is in the bank, not in the event). */
    @Transactional
    public void done(Actor actor, String importId) {
        imported.fire(new KnownSignalsImported(importId, actor));
    }

    /** The id of an import about to run, for {@link #importLines} and {@link #done}. */
    public static String newImportId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param shareOn the hash list of the industry feed on which the valid signals to add are shared, or null
     */
    public ImportReport importLines(String importId, InputStream body, String shareOn) throws IOException {
        long read = 0;
        long refused = 0;
        Counts counts = new Counts();
        List<ImportReport.RefusedLine> listed = new ArrayList<>();
        List<ImportLine> batch = new ArrayList<>(BATCH);
        try (Connection connection = dataSource.getConnection();
             Reader text = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(text, MAX_LINE);
            boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                    == ConfiguredDataSource.DatabaseKind.H2;
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(h2 ? INSERT_H2 : INSERT_POSTGRESQL);
                 PreparedStatement adopt = connection.prepareStatement(ADOPT);
                 PreparedStatement delete = connection.prepareStatement(DELETE)) {
                Statements statements = new Statements(insert, adopt, delete);
                String line;
                while ((line = lines.next()) != null) {
                    if (line != BoundedLines.TOO_LONG && line.isBlank()) {
                        continue;
                    }
                    read++;
                    try {
                        if (line == BoundedLines.TOO_LONG) {
                            throw new IllegalArgumentException(TOO_LONG);
                        }
                        batch.add(parse(line));
                    } catch (IllegalArgumentException e) {
                        refused++;
                        if (listed.size() < MAX_LISTED) {
                            listed.add(new ImportReport.RefusedLine(read, e.getMessage()));
                        }
                    }
                    if (batch.size() == BATCH) {
                        write(connection, statements, batch, h2, counts, shareOn);
                    }
                }
                write(connection, statements, batch, h2, counts, shareOn);
            } catch (SQLException | IOException | RuntimeException | Error e) {
                // The batches written so far stay (each was committed); the one in progress goes, and the
                // connection goes back to the pool with no transaction open.
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
        long total = read;
        LOG.info(() -> "event=signals.imported import=" + importId + " read=" + total + " added=" + counts.added
                + " removed=" + counts.removed);
        return new ImportReport(importId, read, counts.added, counts.additions - counts.added, counts.removed,
                counts.removals - counts.removed, refused, listed);
    }

    /** The prepared statements of one import. */
    private record Statements(PreparedStatement insert, PreparedStatement adopt, PreparedStatement delete) {
    }

    /** Lines of each action, and what they changed. */
    private static final class Counts {
        long additions;
        long added;
        long removals;
        long removed;
    }

    /**
     * Writes one batch with its change rows and commits it. Lines are applied in their order: a value added and
     * removed in one batch ends up removed, as it would line by line. A value added that was there because a case
     * shared it becomes the import's, so that the case's withdrawal no longer takes it out.
     */
    private void write(Connection connection, Statements statements, List<ImportLine> batch, boolean h2,
                       Counts counts, String shareOn) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<SignalType, List<String>> changed = new LinkedHashMap<>();
        int from = 0;
        while (from < batch.size()) {
            boolean removal = batch.get(from).removal();
            int to = from;
            while (to < batch.size() && batch.get(to).removal() == removal) {
                to++;
            }
            List<ImportLine> run = batch.subList(from, to);
            int[] adopted = removal ? null : adopt(statements.adopt(), run, null);
            PreparedStatement statement = removal ? statements.delete() : statements.insert();
            for (ImportLine line : run) {
                statement.setString(1, line.type().name());
                statement.setString(2, line.value());
                if (!removal) {
                    statement.setObject(3, line.quality());
                    statement.setObject(4, now);
                    if (h2) {
                        statement.setString(5, line.type().name());
                        statement.setString(6, line.value());
                    }
                }
                statement.addBatch();
            }
            int[] results = statement.executeBatch();
            if (!removal) {
                // A value that was absent when adopting and present when inserting was shared by a case in
                // between: adopt it now.
                adopt(statements.adopt(), run, i -> adopted[i] == 0 && results[i] == 0);
            }
            for (int i = 0; i < results.length; i++) {
                // PostgreSQL reports 0 for a row that was already there (or not there to remove); a driver that
                // cannot tell reports SUCCESS_NO_INFO, counted as changed.
                if (results[i] != 0) {
                    ImportLine line = run.get(i);
                    changed.computeIfAbsent(line.type(), t -> new ArrayList<>()).add(line.value());
                    if (removal) {
                        counts.removed++;
                    } else {
                        counts.added++;
                    }
                }
            }
            if (removal) {
                counts.removals += run.size();
            } else {
                counts.additions += run.size();
            }
            from = to;
        }
        for (Map.Entry<SignalType, List<String>> entry : changed.entrySet()) {
            KnownSignalChanges.record(connection, entry.getKey(), entry.getValue());
        }
        connection.commit();
        tellFeed(batch, shareOn);
        batch.clear();
    }

    /**
     * Makes the import the origin of the values of the run (those {@code which} picks; all when null) that a case's
     * sharing put in the bank, before they are inserted: the update locks each such row, so a withdrawal of the
     * case that comes after waits and then finds the value the import's; one that came before has taken the value
     * out by the time the update looks, and the insert puts it back. (Adopting after the insert instead lost the
     * value to a withdrawal committed in between: the insert found it, the update no longer did.)
     *
     * @return per line, the rows adopted (0 or 1)
     */
    private static int[] adopt(PreparedStatement adopt, List<ImportLine> run, IntPredicate which)
            throws SQLException {
        int[] adopted = new int[run.size()];
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            if (which == null || which.test(i)) {
                adopt.setString(1, run.get(i).type().name());
                adopt.setString(2, run.get(i).value());
                adopt.addBatch();
                sent.add(i);
            }
        }
        if (!sent.isEmpty()) {
            int[] results = adopt.executeBatch();
            for (int k = 0; k < results.length; k++) {
                adopted[sent.get(k)] = results[k];
            }
        }
        return adopted;
    }

    private void tellFeed(List<ImportLine> batch, String shareOn) {
        // As in the bank, the last line about a value decides.
        Map<String, ImportLine> last = new LinkedHashMap<>();
        batch.forEach(line -> last.put(line.type().name() + ":" + line.value(), line));
        List<Signal> shared = new ArrayList<>();
        List<ShareableSignalsImported.Removed> removed = new ArrayList<>();
        for (ImportLine line : last.values()) {
            if (line.removal()) {
                removed.add(new ShareableSignalsImported.Removed(line.type(), line.value()));
            } else if (shareOn != null) {
                shared.add(new Signal(line.type(), line.value(), line.quality()));
            }
        }
        if (!shared.isEmpty() || !removed.isEmpty()) {
            shareable.fire(new ShareableSignalsImported(shareOn, shared, removed));
        }
    }

    private static void rollBack(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /** One valid line: a value to add (with its quality) or to remove. */
    record ImportLine(SignalType type, String value, Integer quality, boolean removal) {
    }

    /** One line as a value to add or remove, or why not (never quoting the line). */
    static ImportLine parse(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException(TOO_LONG);
        }
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the line is not a JSON object");
        }
        SignalType type = SignalType.named(string(object, "type"))
                .orElseThrow(() -> new IllegalArgumentException("type must be one of " + SignalType.names()));
        String action = object.containsKey("action") ? string(object, "action") : ADD;
        if (!ADD.equals(action) && !REMOVE.equals(action)) {
            throw new IllegalArgumentException("action must be " + ADD + " or " + REMOVE);
        }
        JsonValue quality = object.get("quality");
        Integer q = quality instanceof JsonNumber number && number.isIntegral() ? exactInt(number) : null;
        if (quality != null && quality.getValueType() != JsonValue.ValueType.NULL && q == null) {
            throw new IllegalArgumentException("quality must be a whole number from 0 to 100");
        }
        if (REMOVE.equals(action)) {
            // A removal names the value only: its quality, if given, is not checked against the bank's.
            try {
                return new ImportLine(type, type.normalise(string(object, "value")), null, true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value " + e.getMessage());
            }
        }
        try {
            Signal signal = new Signal(type, string(object, "value"), q);
            return new ImportLine(type, signal.value(), signal.quality(), false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((e instanceof Signal.InvalidQualityException ? "quality " : "value ")
                    + e.getMessage());
        }
    }

    /** The number as an int, or null past an int's range (where intValue would wrap 4294967346 round to 50). */
    private static Integer exactInt(JsonNumber number) {
        try {
            return number.bigDecimalValue().intValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }
}
