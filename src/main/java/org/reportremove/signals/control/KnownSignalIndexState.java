package org.reportremove.signals.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.reportremove.signals.entity.SignalType;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where this node's in-memory bank stands: loading (with how far it got), ready, or failed to load (it tries
 * again), and how closely it follows the change log. Read by the lookup, the health checks and the metrics;
 * written only by {@link KnownSignalIndexLoader}.
 */
@ApplicationScoped
public class KnownSignalIndexState {

    /** What the node's index is doing. */
    public enum Phase { LOADING, READY, FAILED }

    private volatile Phase phase = Phase.LOADING;
    private volatile KnownSignalIndex index;
    private volatile long valuesRead;
    private volatile long valuesExpected;
    private volatile double loadSeconds;
    private volatile long followedAtMillis;
    private volatile long changesBehind;
    private volatile long followedTo;
    private final AtomicLong changesApplied = new AtomicLong();

    public Phase phase() {
        return phase;
    }

    /** The index once loaded; null before (the lookup then asks the database). */
    KnownSignalIndex index() {
        return index;
    }

    /** Bank rows read so far by the load running now, and how many there are. */
    public long valuesRead() {
        return valuesRead;
    }

    public long valuesExpected() {
        return valuesExpected;
    }

    /** How long the last load took, from the first row read to the index built (0 before). */
    public double loadSeconds() {
        return loadSeconds;
    }

    /** Seconds since the change log was last read successfully (0 before the index is ready). */
    public double secondsSinceFollowed() {
        long at = followedAtMillis;
        return at == 0 ? 0 : (System.currentTimeMillis() - at) / 1000.0;
    }

    /** Change rows written that this node has not read yet, at its last poll. */
    public long changesBehind() {
        return changesBehind;
    }

    /** The highest change log sequence number this node has read and applied. */
    public long followedTo() {
        return followedTo;
    }

    /** Changes read from the log and applied since the node started. */
    public long changesApplied() {
        return changesApplied.get();
    }

    /** Values held, by kind (0 for every kind before the index is ready). */
    public Map<SignalType, Long> sizes() {
        KnownSignalIndex current = index;
        return current == null ? Map.of() : current.sizes();
    }

    /** Approximate heap bytes the index holds. */
    public long estimatedBytes() {
        KnownSignalIndex current = index;
        return current == null ? 0 : current.estimatedBytes();
    }

    void loading(long expected) {
        phase = index == null ? Phase.LOADING : phase;
        valuesExpected = expected;
        valuesRead = 0;
    }

    void read(long count) {
        valuesRead = count;
    }

    void loaded(KnownSignalIndex loaded, double seconds) {
        index = loaded;
        loadSeconds = seconds;
        followedAtMillis = System.currentTimeMillis();
        phase = Phase.READY;
    }

    void failed() {
        if (index == null) {
            phase = Phase.FAILED;
        }
    }

    void followed(long applied, long to, long behind) {
        changesApplied.addAndGet(applied);
        followedTo = to;
        changesBehind = behind;
        followedAtMillis = System.currentTimeMillis();
    }
}
