package org.reportremove.agecheck.control;

import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheck;
import org.reportremove.agecheck.entity.AgeCheckStarted;
import org.reportremove.agecheck.entity.AgeCheckVerified;
import org.reportremove.agecheck.entity.AttestedAge;
import org.reportremove.platform.domain.DomainException;
import org.reportremove.platform.validation.InvalidFields;
import jakarta.enterprise.event.Event;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Age checks from start to use: hands out a one-time nonce, verifies the provider's attestation for it, and
 * gives its outcome, once, to the account it was done for. Logs say what happened, never which check, nonce
 * or claim: an age check id would tie a log line to an account.
 */
@ApplicationScoped
public class AgeChecks {

    private static final Logger LOG = Logger.getLogger(AgeChecks.class.getName());
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** 256 bits: far beyond guessing, and more than the 128 bits a nonce needs. */
    private static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Event<AgeCheckStarted> started;

    @Inject
    Event<AgeCheckVerified> verified;

    @Inject
    AgeCheckRefusals refusals;

    @Inject
    AgeCheckProvider provider;

    @Inject
    @ConfigProperty(name = "reportremove.agecheck.ttl-seconds", defaultValue = "600")
    long ttlSeconds;

    @Transactional
    public StartedAgeCheck start() {
        byte[] random = new byte[NONCE_BYTES];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        AgeCheck check = AgeCheck.start(UUID.randomUUID().toString(), nonce, Instant.now(), ttl());
        em.persist(check);
        started.fire(new AgeCheckStarted(check.id()));
        LOG.info("event=agecheck.started");
        return new StartedAgeCheck(check.id(), nonce, check.expiresAt());
    }

    /**
     * Verifies the provider's attestation for the age check {@code id}. When the attestation gives no age band,
     * the band the young person chose ({@code declaredBand}) is used; without either, the field is asked for.
     * A refusal changes nothing of the age check (this transaction rolls back); it is only audited.
     */
    @Transactional
    public VerifiedAgeCheck verify(String id, String attestation, AgeBand declaredBand) {
        SignedJWT parsed = AttestationVerifier.parse(attestation);
        AgeCheck check = lockedOrNull(id);
        if (check == null) {
            LOG.info("event=agecheck.refused reason=not-found");
            throw new AgeCheckNotFound();
        }
        try {
            Instant now = Instant.now();
            check.ensureAwaitingAttestation(now);
            AttestedAge attested = provider.verifier().verify(parsed, check::isForNonce, now);
            AgeBand band = attested.band().or(() -> Optional.ofNullable(declaredBand))
                    .orElseThrow(() -> InvalidFields.of("ageBand",
                            "is required: the provider did not say your age band, so choose one of UNDER_13, 13_15, 16_17"));
            check.verify(provider.settings().name(), attested, band, now, ttl());
            verified.fire(new AgeCheckVerified(check.id()));
            // Not the method or the band: how a person's age was assured stays out of logs.
            LOG.info("event=agecheck.verified");
            return new VerifiedAgeCheck(check.id(), band);
        } catch (DomainException refused) {
            refusals.record(check.id());
            LOG.info(() -> "event=agecheck.refused reason=" + reasonOf(refused));
            throw refused;
        }
    }

    /**
     * Takes the outcome of a completed (VERIFIED) age check for a new account, once: an unknown id, an expired or
     * uncompleted check make the field "ageCheckId" invalid, a second claim is {@code AgeCheckUsed}. Runs inside the
     * caller's transaction and locks the row, so two concurrent claims cannot both succeed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AgeAssuranceOutcome claim(String ageCheckId) {
        AgeCheck check = lockedOrNull(ageCheckId);
        if (check == null) {
            throw InvalidFields.of("ageCheckId", "is not a known age check");
        }
        return check.claim(Instant.now());
    }

    private AgeCheck lockedOrNull(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return null;
        }
        return em.find(AgeCheck.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    /** A code for the log: the refusal's reason, or the kind of failure. */
    private static String reasonOf(DomainException refused) {
        return refused instanceof AttestationRefused attestation
                ? attestation.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : refused.getClass().getSimpleName();
    }
}
