package org.reportremove.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.platform.problem.SafeErrors;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chains new audit rows every second. Each run logs the new head of the chain with a signed checkpoint of it: those
 * log lines are a copy of the chain's state outside the database, against which a rewritten or cut chain can be
 * caught ({@code report-remove-audit-verify --checkpoint}). Rows flagged as out of time order are logged by id.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "reportremove.audit.seal-batch-size")
    int batchSize;

    @Inject
    AuditCheckpoints checkpoints;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "audit-sealer")
    void sealPending() {
        // A slow run must not pile up behind itself; the next tick picks up whatever is left.
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            AuditChain.Sealed sealed;
            do {
                sealed = AuditChain.seal(connection, batchSize);
                if (sealed.count() > 0) {
                    AuditChain.Sealed run = sealed;
                    run.outOfOrder().forEach(id -> LOG.warning(() -> "event=audit.out-of-order auditId=" + id
                            + " outcome=flagged"));
                    String checkpoint = checkpoints.sign(run.headSeq(), run.headHash(), Instant.now());
                    LOG.info(() -> "event=audit.sealed count=" + run.count() + " headSeq=" + run.headSeq()
                            + " headHash=" + run.headHash() + " checkpoint=" + checkpoint);
                }
            } while (sealed.count() == batchSize);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "event=audit.seal-failed trace={0}", SafeErrors.describe(e));
        } finally {
            running.set(false);
        }
    }
}
