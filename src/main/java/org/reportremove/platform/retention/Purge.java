package org.reportremove.platform.retention;

import java.time.Instant;

/**
 * One kind of data kept only for a while. A capability implements it for its own tables; {@link Retention} runs
 * every implementation on a schedule. Each batch runs in a transaction of its own and, when it removed anything,
 * fires {@link RecordsPurged} in that transaction, so the audit row commits exactly with the deletion.
 */
public interface Purge {

    /** What this purge removes, a fixed word (it names the purge in logs and audit rows). */
    PurgedRecords what();

    /**
     * Removes at most {@code max} records that are past their retention at {@code now}.
     *
     * @return how many were removed; fewer than {@code max} means nothing more is due
     */
    int purgeBatch(Instant now, int max);
}
