package org.reportremove.auth.control;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.reportremove.platform.crypto.Digests;
import org.reportremove.platform.persistence.ConfiguredDataSource;
import org.reportremove.platform.persistence.DatabaseConfiguration;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.problem.ProblemType;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Limits failed sign-ins (passphrase or recovery code) per username and per client address, with Bucket4j.
 * On PostgreSQL the buckets live in the database, so the limits hold across replicas; on the embedded
 * development database they live in memory. Bucket keys are digests: the table never holds a username or
 * an address.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class SignInLimits {

    /** Five wrong guesses per username per quarter hour: plenty for a person, useless for guessing. */
    static final Bandwidth PER_USERNAME = Bandwidth.builder().capacity(5)
            .refillGreedy(5, Duration.ofMinutes(15)).build();
    /** One address may be shared (a school, a phone network), so it gets more room. */
    static final Bandwidth PER_ADDRESS = Bandwidth.builder().capacity(30)
            .refillGreedy(30, Duration.ofMinutes(15)).build();

    @Resource(lookup = DatabaseConfiguration.JNDI_NAME)
    DataSource dataSource;

    private Buckets buckets;

    @PostConstruct
    void connect() {
        String url = ConfigProvider.getConfig().getValue("reportremove.datasource.url", String.class);
        buckets = ConfiguredDataSource.DatabaseKind.of(url) == ConfiguredDataSource.DatabaseKind.POSTGRESQL
                ? new SharedBuckets(dataSource) : new LocalBuckets();
    }

    /** Refuses with 429 while either limit is used up. */
    public void checkAllowed(String usernameKey, String address) {
        long wait = Math.max(waitNanos(usernameBucket(usernameKey)), waitNanos(addressBucket(address)));
        if (wait > 0) {
            long minutes = Math.max(1, Duration.ofNanos(wait).toMinutes() + 1);
            throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                    "Too many attempts. Wait " + minutes + " minute" + (minutes == 1 ? "" : "s")
                            + " and try again, or ask a counsellor for help.");
        }
    }

    public void recordFailure(String usernameKey, String address) {
        usernameBucket(usernameKey).tryConsume(1);
        addressBucket(address).tryConsume(1);
    }

    private Bucket usernameBucket(String usernameKey) {
        return buckets.get("u:" + Digests.sha256Hex("sign-in-user:" + usernameKey),
                () -> BucketConfiguration.builder().addLimit(PER_USERNAME).build());
    }

    private Bucket addressBucket(String address) {
        return buckets.get("a:" + Digests.sha256Hex("sign-in-address:" + address),
                () -> BucketConfiguration.builder().addLimit(PER_ADDRESS).build());
    }

    private static long waitNanos(Bucket bucket) {
        return bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private interface Buckets {
        Bucket get(String key, Supplier<BucketConfiguration> configuration);
    }

    private static final class SharedBuckets implements Buckets {

        private final ProxyManager<String> proxies;

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
            return proxies.builder().build(key, configuration);
        }
    }

    private static final class LocalBuckets implements Buckets {

        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        @Override
        public Bucket get(String key, Supplier<BucketConfiguration> configuration) {
            return buckets.computeIfAbsent(key, k -> {
                LocalBucketBuilder builder = Bucket.builder();
                for (Bandwidth limit : configuration.get().getBandwidths()) {
                    builder.addLimit(limit);
                }
                return builder.build();
            });
        }
    }
}
