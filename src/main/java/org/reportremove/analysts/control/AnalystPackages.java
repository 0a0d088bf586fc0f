package org.reportremove.analysts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.platform.outbox.ClaimedMessage;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.OutboxClaims;
import org.reportremove.platform.outbox.Topic;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Hands queued packages to the analyst side and forgets them once it acknowledges them. Leasing goes through the
 * outbox claim ({@code FOR UPDATE SKIP LOCKED}), so two pullers never get the same package; a lease that runs out
 * makes its packages available again. Delivery is at least once: the analyst side applies packages by id.
 */
@ApplicationScoped
public class AnalystPackages {

    private static final Logger LOG = Logger.getLogger(AnalystPackages.class.getName());
    public static final int MAX_LEASE = 500;
    /** Package ids are the outbox's UUIDs. */
    public static final Pattern PACKAGE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    Outbox outbox;

    @Inject
    ExchangeSettings settings;

    @Inject
    PackageDeliveries deliveries;

    public LeasedPackages lease(int max) {
        return lease(max, settings.lease());
    }

    /** Leases up to {@code max} packages, those with priority flags first, then the oldest. */
    public LeasedPackages lease(int max, Duration lease) {
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(lease);
        List<ClaimedMessage> claimed = outbox.claim(Topic.ANALYSTS, max, lease);
        LOG.info(() -> "event=analysts.leased count=" + claimed.size());
        return new LeasedPackages(expires, claimed.stream()
                .map(message -> PublishedPackage.of(message.id(), message.payload())).toList());
    }

    /**
     * Acknowledges up to a lease's worth of packages at once, in one transaction. Each id is answered on its own: a
     * package acknowledged before (a retry after a lost answer) is simply not found.
     *
     * @param packageIds package ids, each well-formed (the boundary refuses the batch otherwise)
     * @return for each distinct id, in the order given, whether a leased package had it
     */
    public Map<String, Boolean> acknowledge(List<String> packageIds) {
        Set<String> distinct = new LinkedHashSet<>(packageIds);
        if (distinct.size() > MAX_LEASE || distinct.stream().anyMatch(id -> id == null || !PACKAGE_ID.matcher(id).matches())) {
            throw new IllegalArgumentException("1 to " + MAX_LEASE + " package ids");
        }
        List<OutboxClaims.Delivered> delivered = outbox.acknowledgeDelivered(Topic.ANALYSTS, distinct);
        Set<String> done = delivered.stream().map(OutboxClaims.Delivered::id).collect(Collectors.toSet());
        Map<String, Boolean> found = new LinkedHashMap<>();
        distinct.forEach(id -> found.put(id, done.contains(id)));
        LOG.info(() -> "event=analysts.acknowledged count=" + distinct.size() + " found=" + done.size());
        delivered.stream().map(OutboxClaims.Delivered::subjectId).filter(Objects::nonNull).distinct()
                .forEach(deliveries::record);
        return found;
    }

    /**
     * @return false when no leased package has this id (never leased, acknowledged already, or not a package id at
     * all: such a value is neither looked up nor logged, since it came from outside)
     */
    public boolean acknowledge(String packageId) {
        if (packageId == null || !PACKAGE_ID.matcher(packageId).matches()) {
            LOG.info("event=analysts.acknowledged package=(not-an-id) found=false");
            return false;
        }
        Optional<OutboxClaims.Delivered> delivered = outbox.acknowledgeDelivered(Topic.ANALYSTS, packageId);
        LOG.info(() -> "event=analysts.acknowledged package=" + packageId + " found=" + delivered.isPresent());
        delivered.map(OutboxClaims.Delivered::subjectId).ifPresent(deliveries::record);
        return delivered.isPresent();
    }
}
