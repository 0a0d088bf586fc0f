package org.reportremove.industry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.industry.entity.Checkpoint;
import org.reportremove.industry.entity.FeedChange;
import org.reportremove.industry.entity.FeedRead;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.security.Actor;

import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A platform's reads of the feed: scoped to the lists it is subscribed to, rate limited per platform (a snapshot
 * costs far more than a page, so it has a limit of its own), each recorded in the audit trail by platform.
 */
@ApplicationScoped
public class FeedReads {

    private static final Logger LOG = Logger.getLogger(FeedReads.class.getName());
    public static final int DEFAULT_PAGE = 1000;
    public static final int MAX_PAGE = 10_000;

    @Inject
    PlatformFeeds feeds;

    @Inject
    FeedReader reader;

    @Inject
    Checkpoints checkpoints;

    @Inject
    AttemptLimits limits;

    @Inject
    FeedAudit audit;

    @Inject
    @ConfigProperty(name = "reportremove.industry.snapshots-per-hour", defaultValue = "6")
    int snapshotsPerHour;

    @Inject
    @ConfigProperty(name = "reportremove.industry.pages-per-hour", defaultValue = "36000")
    int pagesPerHour;

    /** A snapshot about to be streamed: where it stands, and what will write it. */
    public record Snapshot(String checkpoint, Set<String> lists, Checkpoint at) {
    }

    /** A page of changes with the sealed checkpoint that follows it. */
    public record Page(java.util.List<FeedChange> changes, String checkpoint, boolean more) {
    }

    public Snapshot startSnapshot(String platform, Actor actor) {
        Set<String> lists = feeds.listsOf(platform);
        limits.hourly("industry-snapshot", platform,
                feeds.perHour(platform, "snapshots-per-hour", snapshotsPerHour));
        Checkpoint at = reader.current();
        audit.read(new FeedRead(platform, actor));
        LOG.info(() -> "event=industry.snapshot platform=" + platform + " outcome=started");
        return new Snapshot(checkpoints.seal(at), lists, at);
    }

    public long stream(Snapshot snapshot, Consumer<FeedChange> line) {
        return reader.snapshot(snapshot.at(), snapshot.lists(), line);
    }

    public Page changes(String platform, String sealedCheckpoint, int limit, Actor actor) {
        Set<String> lists = feeds.listsOf(platform);
        Checkpoint from = checkpoints.open(sealedCheckpoint);
        limits.hourly("industry-page", platform, feeds.perHour(platform, "pages-per-hour", pagesPerHour));
        FeedReader.Page page = reader.changesAfter(from, lists, limit);
        audit.read(new FeedRead(platform, actor));
        LOG.info(() -> "event=industry.changes platform=" + platform + " count=" + page.changes().size()
                + " outcome=read");
        return new Page(page.changes(), checkpoints.seal(page.next()), page.more());
    }
}
