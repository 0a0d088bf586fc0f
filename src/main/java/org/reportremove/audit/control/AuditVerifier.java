package org.reportremove.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.audit.entity.AuditAction;
import org.reportremove.platform.security.Actor;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Verifies the audit chain for the operator API. The walk runs outside any transaction (it reads a chain that
 * only grows); the verification is then recorded in a short transaction of its own.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final Logger LOG = Logger.getLogger(AuditVerifier.class.getName());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reportremove.audit.unsealed-alert-seconds")
    long unsealedAlertSeconds;

    @Inject
    AuditTrail trail;

    @Inject
    AuditCheckpoints checkpoints;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuditVerification verify() {
        try (Connection connection = dataSource.getConnection()) {
            AuditVerification result = AuditChain.verify(connection, Duration.ofSeconds(unsealedAlertSeconds),
                    Instant.now());
            LOG.info(() -> "event=audit.verified intact=" + result.intact() + " links=" + result.linksVerified()
                    + " unsealedOverdue=" + result.unsealedOverdue() + " outOfOrder=" + result.outOfOrder()
                    + (result.firstBrokenLink() == null ? "" : " brokenAt=" + result.firstBrokenLink().sealSeq()
                    + " reason=" + result.firstBrokenLink().reason()));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain could not be read", e);
        }
    }

    /** A signed checkpoint of the chain's head as it stands now, for an operator to keep outside the database. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Checkpoint checkpoint() {
        try (Connection connection = dataSource.getConnection()) {
            AuditChain.Head head = AuditChain.readHead(connection);
            if (head == null) {
                throw new IllegalStateException("the audit chain has no head");
            }
            Instant at = Instant.now();
            LOG.info(() -> "event=audit.checkpoint headSeq=" + head.seq());
            return new Checkpoint(head.seq(), head.hash(), at, checkpoints.sign(head.seq(), head.hash(), at));
        } catch (SQLException e) {
            throw new IllegalStateException("audit chain could not be read", e);
        }
    }

    /** A checkpoint with what it says in the clear, for people reading it. */
    public record Checkpoint(long seq, String hash, Instant at, String checkpoint) {
    }

    @Transactional
    public void recordVerification(Actor actor) {
        trail.record(AuditAction.AUDIT_VERIFIED, actor, "audit-chain");
    }
}
