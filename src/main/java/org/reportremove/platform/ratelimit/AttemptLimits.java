package org.reportremove.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.platform.crypto.DataSealer;
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Limits attempts at secrets (passphrase sign-in, recovery codes, erasure confirmation) and account opening, with
 * Bucket4j. An attempt takes a token before the secret is checked, so parallel guesses cannot all slip past the
 * limit; a correct secret gives it back, so only failures count.
 *
 * <p>Guesses at a username are limited per (username, client address), not per username: usernames are easy to
 * learn, and a per-username lock would let anyone lock a young person out with a few wrong passphrases. The limit
 * on a pair grows the longer the failures go on ({@link #GROWING_DELAYS}), and every address has its own limit
 * across usernames. A confirmation by someone already signed in (erasure) is limited per account.
 *
 * <p>On PostgreSQL the buckets live in the database, so the limits hold across replicas; on the embedded
 * development database they live in memory. Bucket ids are keyed digests (HMAC with a key derived from the
 * encryption keyset), so the table holds no username or address in a form that can be guessed back; expired
 * buckets are removed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class AttemptLimits {

    /** Five wrong guesses per username and address per quarter hour: plenty for a person, useless for guessing. */
    static final int PER_USERNAME = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /**
     * The delays between guesses grow as failures go on: after 5 in a quarter hour one every 3 minutes, after 10 in
     * an hour one every 6 minutes, after 20 in a day one every 72 minutes. Someone who mistypes waits minutes;
     * someone guessing from one address gets about 20 guesses a day at a username.
     */
    static final List<Bandwidth> GROWING_DELAYS = List.of(
            Bandwidth.builder().capacity(PER_USERNAME).refillGreedy(PER_USERNAME, WINDOW).build(),
            Bandwidth.builder().capacity(2L * PER_USERNAME).refillGreedy(2L * PER_USERNAME, Duration.ofHours(1))
                    .build(),
            Bandwidth.builder().capacity(4L * PER_USERNAME).refillGreedy(4L * PER_USERNAME, Duration.ofDays(1))
                    .build());

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    /** One address may be shared (a school, a phone network), so it gets more room. */
    @Inject
    @ConfigProperty(name = "reportremove.sign-in.attempts-per-address")
    int perAddress;

    @Inject
    @ConfigProperty(name = "reportremove.accounts.openings-per-address-per-hour")
    int openingsPerHour;

    @Inject
    DataSealer sealer;

    /** Absent when the limits run as plain code in tests. */
    @Inject
    RateLimitMetrics refusals;

    private Buckets buckets;
    /** (purpose, value) to the digest that names a bucket. */
    private BinaryOperator<String> keyedDigest;

    @PostConstruct
    void connect() {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("reportremove.datasource.url", String.class);
        buckets = ConfiguredDataSource.DatabaseKind.of(url) == ConfiguredDataSource.DatabaseKind.POSTGRESQL
                ? new SharedBuckets(dataSource) : new LocalBuckets(TimeMeter.SYSTEM_MILLISECONDS);
        keyedDigest = sealer::keyedDigest;
    }

    /**
     * The limits on in-memory buckets with their own clock and bucket ids, outside a container, so the rules can
     * be tested as plain code. The container builds it through {@link #connect()} instead.
     */
    static AttemptLimits inMemory(int perAddress, int openingsPerHour, BinaryOperator<String> keyedDigest,
                                  TimeMeter clock) {
        AttemptLimits limits = new AttemptLimits();
        limits.perAddress = perAddress;
        limits.openingsPerHour = openingsPerHour;
        limits.keyedDigest = keyedDigest;
        limits.buckets = new LocalBuckets(clock);
        return limits;
    }

    /**
     * Takes one attempt at this username's secret from this address, or refuses while the pair or the address is
     * used up. Other addresses (the owner's own phone) are not held up by failures from this one.
     */
    public void attempt(String usernameKey, String address) {
        Bucket pair = pairBucket(usernameKey, address);
        if (!pair.tryConsume(1)) {
            throw refused("username", pair);
        }
        Bucket from = addressBucket(address);
        if (!from.tryConsume(1)) {
            pair.addTokens(1);
            throw refused("address", from);
        }
    }

    /** The secret was right: the attempt does not count. */
    public void succeeded(String usernameKey, String address) {
        pairBucket(usernameKey, address).addTokens(1);
        addressBucket(address).addTokens(1);
    }

    /**
     * Takes one attempt at confirming a change with the secret by someone already signed in to the account (an
     * erasure), or refuses. Counted per account: guesses at the username from elsewhere do not hold the owner up.
     */
    public void confirmation(String accountId) {
        Bucket account = accountBucket(accountId);
        if (!account.tryConsume(1)) {
            throw refused("account", account);
        }
    }

    /** The confirmation was right: the attempt does not count. */
    public void confirmed(String accountId) {
        accountBucket(accountId).addTokens(1);
    }

    /** Takes one account opening for this address, or refuses. */
    public void opening(String address) {
        hourly("open", address, openingsPerHour);
    }

    /**
     * Takes one of the {@code perHour} actions of a kind (for example case submissions) allowed to one subject (an
     * account id, a client address), or refuses until the hour's allowance refills.
     */
    public void hourly(String kind, String subject, int perHour) {
        Bucket bucket = buckets.get(id(kind, subject), () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw refused(kind, bucket);
        }
    }

    /** Drops buckets that have refilled completely; run from a schedule. */
    public int removeExpired() {
        return buckets.removeExpired();
    }

    private Bucket pairBucket(String usernameKey, String address) {
        // The address cannot hold a line break, so the pair is one unambiguous value.
        return buckets.get(id("user-address", usernameKey + "\n" + address), AttemptLimits::growingDelays);
    }

    private Bucket accountBucket(String accountId) {
        return buckets.get(id("account", accountId), AttemptLimits::growingDelays);
    }

    private static BucketConfiguration growingDelays() {
        ConfigurationBuilder builder = BucketConfiguration.builder();
        GROWING_DELAYS.forEach(builder::addLimit);
        return builder.build();
    }

    private Bucket addressBucket(String address) {
        return buckets.get(id("address", address), () -> limit(perAddress));
    }

    private static BucketConfiguration limit(int attempts) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, WINDOW).build()).build();
    }

    private String id(String kind, String value) {
        return kind.charAt(0) + ":" + keyedDigest.apply("rate-limit:" + kind, value);
    }

    /** Counts the refusal under its limit's name (a name from a fixed list, never the subject) and makes it. */
    private TooManyAttempts refused(String limit, Bucket bucket) {
        if (refusals != null) {
            refusals.refused(limit);
        }
        return tooMany(bucket);
    }

    private static TooManyAttempts tooMany(Bucket bucket) {
        return new TooManyAttempts(Math.max(1, Duration.ofNanos(bucket.estimateAbilityToConsume(1)
                .getNanosToWaitForRefill()).toSeconds() + 1));
    }

    private interface Buckets {
        Bucket get(String key, Supplier<BucketConfiguration> configuration);

        int removeExpired();
    }

    private static final class SharedBuckets implements Buckets {

        private static final int CLEANUP_BATCH = 1000;
        private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

        SharedBuckets(DataSource dataSource) {
            proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("sign_in_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
        }

        @Override
        public Bucket get(String key, Supplier<BucketConfiguration> configuration) {
            ProxyManager<String> manager = proxies;
            return manager.builder().build(key, configuration);
        }

        @Override
        public int removeExpired() {
            int removed = 0;
            int batch;
            do {
                batch = proxies.removeExpired(CLEANUP_BATCH);
                removed += batch;
            } while (batch == CLEANUP_BATCH);
            return removed;
        }
    }

    private static final class LocalBuckets implements Buckets {

        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final TimeMeter clock;

        /** @param clock in the service Bucket4j's own default; tests pass a clock they move by hand */
        LocalBuckets(TimeMeter clock) {
            this.clock = clock;
        }

        @Override
        public Bucket get(String key, Supplier<BucketConfiguration> configuration) {
            return buckets.computeIfAbsent(key, k -> {
                LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
                for (Bandwidth limit : configuration.get().getBandwidths()) {
                    builder.addLimit(limit);
                }
                return builder.build();
            });
        }

        /** A bucket goes once every one of its limits has filled up again: a longer limit still remembers. */
        @Override
        public int removeExpired() {
            int before = buckets.size();
            buckets.values().removeIf(bucket -> {
                VerboseResult<Long> now = bucket.asVerbose().getAvailableTokens();
                return now.getState().calculateFullRefillingTime(now.getOperationTimeNanos()) == 0;
            });
            return before - buckets.size();
        }
    }
}
