package org.reportremove.testing;

import org.flywaydb.core.Flyway;
import org.reportremove.audit.control.AuditChain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An audit trail of its own in an H2 database, for tests of the chain and of the verifier command: the project's
 * own migrations, then a few operator rows, sealed.
 */
public final class H2AuditTrail {

    private H2AuditTrail() {
    }

    /** Applies every migration the embedded database gets to the H2 database at {@code url}. */
    public static void migrate(String url) {
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
    }

    /** Writes rows 1 to {@code count} by {@code actorId}, then seals them; returns how many were sealed. */
    public static int writeAndSeal(Connection connection, String actorId, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_event (id, occurred_at, actor_role, actor_id, action, object_type, object_id)"
                        + " VALUES (?, ?, 'SYSTEM', ?, 'KEY_ROTATED', 'OPERATION', ?)")) {
            for (int id = 1; id <= count; id++) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, actorId);
                insert.setString(4, "key-" + id);
                insert.executeUpdate();
            }
        }
        return AuditChain.seal(connection, 10).count();
    }

    /** A checkpoint of the chain's head signed with a fresh key, in a file, with the key set that verifies it. */
    public record Checkpoint(java.nio.file.Path file, java.nio.file.Path jwks, Instant at) {
    }

    /** Signs a checkpoint of the current head as the service would, and writes it and its public keys to files. */
    public static Checkpoint checkpoint(String url, java.nio.file.Path dir) throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("test-key")
                .generate();
        Instant at = Instant.now();
        String signed;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            org.reportremove.audit.control.AuditChain.Head head =
                    org.reportremove.audit.control.AuditChain.readHead(connection);
            signed = org.reportremove.audit.control.TestCheckpoints.sign(key, head.seq(), head.hash(), at);
        }
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("checkpoint.jws"), signed);
        java.nio.file.Path jwks = java.nio.file.Files.writeString(dir.resolve("service.jwks"),
                new com.nimbusds.jose.jwk.JWKSet(key).toPublicJWKSet().toString());
        return new Checkpoint(file, jwks, at);
    }

    /** What someone with the database alone can do: delete the newest sealed row and point the head before it. */
    public static void cutTheLastRowAndRollTheHeadBack(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM audit_event WHERE seal_seq = (SELECT seal_seq FROM audit_chain_head)");
            statement.executeUpdate("UPDATE audit_chain_head SET seal_seq = seal_seq - 1, chain_hash = (SELECT"
                    + " chain_hash FROM audit_event WHERE seal_seq = (SELECT seal_seq - 1 FROM audit_chain_head))"
                    + " WHERE id = 1");
        }
    }
}
