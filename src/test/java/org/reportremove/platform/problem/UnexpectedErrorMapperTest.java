package org.reportremove.platform.problem;

import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnexpectedErrorMapperTest {

    @Test
    void unexpectedFailureBecomesAProblemWithAnErrorIdAndNoMessage() {
        List<String> logged = captureLog(() -> {
            Problem problem = UnexpectedErrorMapper.problemFor(new IllegalStateException("wrap",
                    new SQLException("duplicate key: Key (username)=(zebra-fan-2009) already exists", "23505")));

            assertEquals(500, problem.status());
            assertEquals("urn:reportremove:problem:internal-error", problem.type());
            assertNotNull(problem.errorId());
            assertFalse(problem.detail().contains("zebra"));
        });

        String line = String.join("\n", logged);
        assertTrue(line.contains("event=error.unexpected"), line);
        assertTrue(line.contains("sqlState=23505"), line);
        assertTrue(line.contains("java.sql.SQLException"), line);
        assertFalse(line.contains("zebra-fan-2009"), "the log line must not carry the exception message");
    }

    @Test
    void domainFailureWrappedByTheRuntimeKeepsItsProblem() {
        Problem problem = UnexpectedErrorMapper.problemFor(new RuntimeException(
                new ProblemException(ProblemType.CONFLICT, "That case is already withdrawn.")));

        assertEquals(409, problem.status());
        assertEquals("That case is already withdrawn.", problem.detail());
    }

    @Test
    void bodyTooLargeWhileReadingIsA413() {
        Problem problem = UnexpectedErrorMapper.problemFor(new RuntimeException(new BodyTooLargeException(65536)));

        assertEquals(413, problem.status());
        assertEquals("urn:reportremove:problem:body-too-large", problem.type());
    }

    @Test
    void jsonBindingFailureNamesThePropertyButNotTheValue() {
        Problem problem = UnexpectedErrorMapper.problemFor(new JsonbException(
                "Unable to deserialize property 'objectId' because of: value 'tell-no-one' is wrong"));

        assertEquals(400, problem.status());
        assertEquals("objectId", problem.errors().get(0).field());
        assertFalse(problem.toString().contains("tell-no-one"));
    }

    private static List<String> captureLog(Runnable action) {
        Logger logger = Logger.getLogger(SafeErrors.class.getName());
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getParameters() == null ? record.getMessage()
                        : MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return lines;
    }
}
