package org.reportremove.inbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Messages written to young people's inboxes, counted when the transaction that wrote them commits. No labels.
 */
@ApplicationScoped
public class InboxMetrics {

    static final String WRITTEN = "reportremove_inbox_messages_written";

    @Inject
    MetricRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        counter();
    }

    /** One message was written in the current transaction. */
    void written() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Counted only once the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter().inc();
                }
            }
        });
    }

    private Counter counter() {
        return registry.counter(Metadata.builder().withName(WRITTEN)
                .withDescription("Messages written to young people's inboxes").build());
    }
}
