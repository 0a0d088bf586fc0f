package org.reportremove.audit.control;

import java.time.Instant;

/**
 * The outcome of walking the audit chain.
 *
 * @param intact          every link holds and the chain reaches its recorded head
 * @param linksVerified   links checked before the first break (all of them when intact)
 * @param firstBrokenLink where the chain first fails, or null
 * @param unsealedOverdue rows still unsealed after the alert period: the sealer is not keeping up or not running
 * @param outOfOrder      sealed rows flagged because they arrived out of time order (back-dated, or dated ahead):
 *                        the chain holds them, but someone should look at how they were written
 */
public record AuditVerification(boolean intact, long linksVerified, BrokenLink firstBrokenLink, long unsealedOverdue,
                                long outOfOrder, Instant verifiedAt) {

    /** How a link fails. */
    public enum Break {
        /** A sealed row no longer hashes to its stored link: it was changed. */
        ROW_ALTERED,
        /** The sequence skips a number, or ends before the head: a sealed row was deleted. */
        ROW_MISSING,
        /** The recorded head does not match the end of the chain. */
        HEAD_ALTERED,
        /** The head row itself is gone. */
        HEAD_MISSING,
        /** The chain ends before a checkpoint kept outside the database: its tail was cut and the head rolled back. */
        CHECKPOINT_NOT_REACHED,
        /** The link at a checkpoint's place is not the one the checkpoint names: the chain was rebuilt. */
        CHECKPOINT_MISMATCH
    }

    /**
     * @param sealSeq the sequence number where the chain breaks
     * @param auditId the audit row at that place, when it still exists
     */
    public record BrokenLink(long sealSeq, Long auditId, Break reason) {
    }
}
