package org.reportremove.audit.control;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * {@code report-remove-audit-verify}: checks the audit chain straight in the database, so it works while the
 * service is down. Connection settings come from the same variables the service reads
 * ({@code REPORTREMOVE_DATASOURCE_URL}, {@code _USER}, {@code _PASSWORD}) or from options.
 * With {@code --checkpoint FILE --jwks FILE} it also checks the chain against a signed checkpoint of its head kept
 * outside the database, so a tail cut off together with its head is seen.
 * Exit status: 0 intact, 1 broken, rows overdue for sealing or rows out of time order, 2 usage, connection error or
 * a checkpoint that does not verify.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = System.getenv("REPORTREMOVE_DATASOURCE_URL");
        String user = System.getenv("REPORTREMOVE_DATASOURCE_USER");
        String password = System.getenv("REPORTREMOVE_DATASOURCE_PASSWORD");
        long alertSeconds = 60;
        Path checkpointFile = null;
        Path jwksFile = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--password-file" -> password = Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8).strip();
                    case "--unsealed-alert-seconds" -> alertSeconds = Long.parseLong(args[++i]);
                    case "--checkpoint" -> checkpointFile = Path.of(args[++i]);
                    case "--jwks" -> jwksFile = Path.of(args[++i]);
                    case "--help", "-h" -> {
                        usage(out);
                        return 0;
                    }
                    default -> {
                        usage(err);
                        return 2;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | IOException e) {
            usage(err);
            return 2;
        }
        if ((checkpointFile == null) != (jwksFile == null)) {
            err.println("--checkpoint and --jwks go together: the checkpoint and the service's public keys.");
            return 2;
        }
        AuditChainCheckpoint checkpoint = null;
        if (checkpointFile != null) {
            try {
                checkpoint = AuditChainCheckpoint.verify(Files.readString(checkpointFile, StandardCharsets.UTF_8),
                        Files.readString(jwksFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("Could not read the checkpoint or the key set.");
                return 2;
            } catch (AuditChainCheckpoint.Refused e) {
                err.println("checkpoint refused: " + e.getMessage());
                return 2;
            }
        }
        if (url == null || url.isBlank()) {
            err.println("Set REPORTREMOVE_DATASOURCE_URL or pass --url.");
            return 2;
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            AuditVerification result = AuditChain.verify(connection, Duration.ofSeconds(alertSeconds), Instant.now(),
                    checkpoint);
            out.println("links verified: " + result.linksVerified());
            if (checkpoint != null) {
                out.println("checkpoint: seal " + checkpoint.seq() + " of " + checkpoint.at());
            }
            if (result.firstBrokenLink() != null) {
                AuditVerification.BrokenLink link = result.firstBrokenLink();
                out.println("first broken link: seal " + link.sealSeq()
                        + (link.auditId() == null ? "" : " (audit row " + link.auditId() + ")") + ": " + link.reason());
            }
            out.println("rows unsealed for over " + alertSeconds + " s: " + result.unsealedOverdue());
            out.println("rows out of time order: " + result.outOfOrder());
            boolean good = result.intact() && result.unsealedOverdue() == 0 && result.outOfOrder() == 0;
            out.println(good ? "audit chain intact" : "audit chain NOT intact");
            return good ? 0 : 1;
        } catch (SQLException e) {
            err.println("Could not read the audit chain: " + e.getSQLState());
            return 2;
        }
    }

    private static void usage(PrintStream stream) {
        stream.println("usage: report-remove-audit-verify [--url JDBC_URL] [--user USER] [--password-file FILE]"
                + " [--unsealed-alert-seconds N] [--checkpoint FILE --jwks FILE]");
    }
}
