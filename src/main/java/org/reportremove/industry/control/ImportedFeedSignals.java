package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reportremove.signals.entity.ShareableSignalsImported;

/**
 * Brings each committed batch of an operator's import into the feed, in a transaction of its own: the signals it
 * shares join their list through the same hourly batches as the analysts' shared signals, and those it removed from
 * the bank leave the feed where no case keeps them. Both are idempotent, so an import run again after a failure
 * here puts the feed right.
 */
@ApplicationScoped
public class ImportedFeedSignals {

    @Inject
    FeedEntries entries;

    void imported(@Observes ShareableSignalsImported batch) {
        if (batch.listName() != null && !batch.shared().isEmpty()) {
            entries.shareImported(batch.listName(), batch.shared());
        }
        if (!batch.removed().isEmpty()) {
            entries.removeImported(batch.removed());
        }
    }
}
