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
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.signals.entity.Signal;
import org.reportremove.signals.entity.SignalType;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Imports signals into the bank from JSON lines ({@code {"type": "PDQ", "value": "…", "quality": 90}}), streamed:
 * lines are read one at a time and written in batches, each committed on its own, so memory stays flat whatever
 * the size (a million lines is an ordinary import). Signals already in the bank are left as they are, so an
 * import that was cut off can simply be run again. Invalid lines are counted and skipped.
 */
@ApplicationScoped
public class KnownSignalImport {

    private static final Logger LOG = Logger.getLogger(KnownSignalImport.class.getName());
    private static final int BATCH = 2000;
    private static final int MAX_LISTED = 100;
    private static final int MAX_LINE = 1024;

    private static final String INSERT_POSTGRESQL = "INSERT INTO known_signal (signal_type, signal_value, quality,"
            + " imported_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String INSERT_H2 = "INSERT INTO known_signal (signal_type, signal_value, quality, imported_at)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM known_signal WHERE signal_type = ? AND signal_value = ?)";

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<KnownSignalsImported> imported;

    /** An import is told once it is done, with its id (its content is in the bank, not in the event). */
    @Transactional
    public void done(Actor actor, String importId) {
        imported.fire(new KnownSignalsImported(importId, actor));
    }

    public ImportReport importLines(InputStream body) throws IOException {
        String importId = UUID.randomUUID().toString();
        long read = 0;
        long added = 0;
        long refused = 0;
        List<ImportReport.RefusedLine> listed = new ArrayList<>();
        List<Signal> batch = new ArrayList<>(BATCH);
        try (Connection connection = dataSource.getConnection();
             BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean h2 = ConfiguredDataSource.DatabaseKind.of(connection.getMetaData().getURL())
                    == ConfiguredDataSource.DatabaseKind.H2;
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(h2 ? INSERT_H2 : INSERT_POSTGRESQL)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    read++;
                    try {
                        batch.add(parse(line));
                    } catch (IllegalArgumentException e) {
                        refused++;
                        if (listed.size() < MAX_LISTED) {
                            listed.add(new ImportReport.RefusedLine(read, e.getMessage()));
                        }
                    }
                    if (batch.size() == BATCH) {
                        added += write(connection, insert, batch, h2);
                    }
                }
                added += write(connection, insert, batch, h2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The bank of known signals could not be written", e);
        }
        long present = read - refused - added;
        long total = read;
        long done = added;
        LOG.info(() -> "event=signals.imported import=" + importId + " read=" + total + " added=" + done);
        return new ImportReport(importId, read, added, present, refused, listed);
    }

    private static long write(Connection connection, PreparedStatement insert, List<Signal> batch, boolean h2)
            throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Signal signal : batch) {
            insert.setString(1, signal.type().name());
            insert.setString(2, signal.value());
            insert.setObject(3, signal.quality());
            insert.setObject(4, now);
            if (h2) {
                insert.setString(5, signal.type().name());
                insert.setString(6, signal.value());
            }
            insert.addBatch();
        }
        long added = 0;
        for (int count : insert.executeBatch()) {
            // PostgreSQL reports 0 for a row that was already there; a driver that cannot tell reports
            // SUCCESS_NO_INFO, counted as added.
            added += count == 0 ? 0 : 1;
        }
        connection.commit();
        batch.clear();
        return added;
    }

    /** One line as a signal, or why not (never quoting the line). */
    static Signal parse(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("the line is too long to be one signal");
        }
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new StringReader(line))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("the line is not a JSON object");
        }
        SignalType type = SignalType.named(string(object, "type"))
                .orElseThrow(() -> new IllegalArgumentException("type must be one of " + SignalType.names()));
        JsonValue quality = object.get("quality");
        Integer q = quality instanceof JsonNumber number && number.isIntegral() ? number.intValue() : null;
        if (quality != null && quality.getValueType() != JsonValue.ValueType.NULL && q == null) {
            throw new IllegalArgumentException("quality must be a whole number from 0 to 100");
        }
        try {
            return new Signal(type, string(object, "value"), q);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((e instanceof Signal.InvalidQualityException ? "quality " : "value ")
                    + e.getMessage());
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }
}
