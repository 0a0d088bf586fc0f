package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.entity.AccountDeleted;
import org.reportremove.accounts.entity.AccountId;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.auth.control.PartnerClients;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseErased;
import org.reportremove.cases.entity.CaseAlreadyWithdrawn;
import org.reportremove.cases.entity.CaseNotFound;
import org.reportremove.cases.entity.CaseReference;
import org.reportremove.cases.entity.CaseStatus;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.Consent;
import org.reportremove.cases.entity.ConsentChanged;
import org.reportremove.cases.entity.UnknownHelplinePartner;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.ItemDraft;
import org.reportremove.cases.entity.ItemReference;
import org.reportremove.cases.entity.ItemsAdded;
import org.reportremove.cases.entity.Location;
import org.reportremove.cases.entity.LocationsAdded;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.validation.InvalidFields;
import org.reportremove.platform.outbox.Topic;
import org.reportremove.signals.control.KnownMatches;
import org.reportremove.signals.control.KnownSignals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Submits, extends, withdraws and erases young people's cases. Each change fires its event in the same
 * transaction, so what observers do with it (the analyst package, the audit row) commits with the change or not at
 * all. A young person reaches only their own cases: someone else's is not found, exactly like one that does not
 * exist.
 */
@ApplicationScoped
public class Cases {

    private static final Logger LOG = Logger.getLogger(Cases.class.getName());

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    KnownSignals knownSignals;

    @Inject
    CaseDetails details;

    @Inject
    Outbox outbox;

    @Inject
    Event<CaseSubmitted> submitted;

    @Inject
    Event<ItemsAdded> itemsAdded;

    @Inject
    Event<LocationsAdded> locationsAdded;

    @Inject
    Event<CaseWithdrawn> withdrawn;

    @Inject
    Event<CaseErased> erased;

    @Inject
    Event<ConsentChanged> consentChanged;

    @Inject
    PartnerClients partners;

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseAnswer submit(String caseId, AccountId accountId, AgeAssuranceOutcome age, Submission submission) {
        checkPartners(submission.consent());
        KnownMatches matches = match(submission.items());
        Case reportCase = Case.submit(caseId, accountId, submission.language(), submission.concerns(),
                submission.consent(), details.seal(caseId, submission), submission.items(),
                exactlyKnown(matches));
        noteNearMatches(reportCase.items(), matches);
        em.persist(reportCase);
        // Observers store rows that refer to the case: it is written first.
        em.flush();
        submitted.fire(new CaseSubmitted(caseId, accountId, age));
        LOG.info(() -> "event=case.submitted case=" + reportCase.reference().value() + " items="
                + reportCase.items().size());
        return answer(reportCase, reportCase.items(), submission.items());
    }

    @Transactional
    public CaseAnswer addItems(AccountId accountId, AgeAssuranceOutcome age, CaseReference reference,
                               List<ItemDraft> drafts) {
        Case reportCase = ownForUpdate(accountId, reference);
        KnownMatches matches = match(drafts);
        List<Item> touched = reportCase.addItems(drafts, exactlyKnown(matches));
        noteNearMatches(touched, matches);
        em.flush();
        List<Item> distinct = touched.stream().distinct().toList();
        itemsAdded.fire(new ItemsAdded(reportCase.id(), accountId, age,
                distinct.stream().map(Item::itemReference).toList()));
        LOG.info(() -> "event=case.items-added case=" + reportCase.reference().value() + " items=" + distinct.size());
        return answer(reportCase, touched, drafts);
    }

    /**
     * Adds places to an open case; those it names already are left as they are, so a retry changes nothing.
     *
     * @param most how many places a case may name
     * @return every place the case names now
     */
    @Transactional
    public List<Location> addLocations(AccountId accountId, AgeAssuranceOutcome age, CaseReference reference,
                                       List<Location> added, int most) {
        Case reportCase = ownForUpdate(accountId, reference);
        List<Location> locations = new ArrayList<>(details.open(reportCase).locations());
        int before = locations.size();
        added.stream().filter(location -> !locations.contains(location)).forEach(locations::add);
        if (locations.size() > most) {
            throw InvalidFields.of("locations", "a case names at most " + most + " places and this would make "
                    + locations.size());
        }
        if (locations.size() > before) {
            reportCase.replaceLocations(details.sealLocations(reportCase.id(), locations));
            em.flush();
            locationsAdded.fire(new LocationsAdded(reportCase.id(), accountId, age));
            LOG.info(() -> "event=case.locations-added case=" + reportCase.reference().value() + " added="
                    + (locations.size() - before));
        } else if (!reportCase.open()) {
            throw new CaseAlreadyWithdrawn();
        }
        return List.copyOf(locations);
    }

    /**
     * An item the analyst side found at a place the case names, under its reference. No package goes back for it:
     * the analyst side made it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Item addFoundItem(String caseId, ItemReference reference, ItemDraft draft) {
        Case reportCase = em.find(Case.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        KnownMatches matches = match(List.of(draft));
        Item item = reportCase.addFoundItem(reference, draft, exactlyKnown(matches).test(draft));
        noteNearMatches(List.of(item), matches);
        em.flush();
        return item;
    }

    /** Whether any case holds an item with this reference: references are unique across all cases. */
    public boolean itemReferenceTaken(ItemReference reference) {
        return em.createQuery("SELECT COUNT(i) FROM Item i WHERE i.itemReference = :reference", Long.class)
                .setParameter("reference", reference.value()).getSingleResult() > 0;
    }

    /** Withdraws the case (its observers tell the analyst side); a second withdrawal changes nothing. */
    @Transactional
    public Case withdraw(AccountId accountId, CaseReference reference) {
        Case reportCase = ownForUpdate(accountId, reference);
        if (reportCase.withdraw()) {
            withdrawn.fire(new CaseWithdrawn(reportCase.id(), accountId));
            LOG.info(() -> "event=case.withdrawn case=" + reportCase.reference().value());
        }
        return reportCase;
    }

    /**
     * Gives, changes or withdraws consent to follow-up at once; observers tell the helpline partners concerned (a
     * partner that lost it hears nothing more about the case).
     *
     * @throws UnknownHelplinePartner when a named partner is not a helpline partner of this service
     */
    @Transactional
    public Case changeConsent(AccountId accountId, CaseReference reference, Consent consent) {
        checkPartners(consent);
        Case reportCase = ownForUpdate(accountId, reference);
        Set<String> before = reportCase.changeConsent(consent, details.sealConsent(reportCase.id(), consent));
        em.flush();
        consentChanged.fire(new ConsentChanged(reportCase.id(), accountId, before, reportCase.consentedPartners()));
        LOG.info(() -> "event=case.consent-changed case=" + reportCase.reference().value() + " partners="
                + reportCase.consentedPartners().size());
        return reportCase;
    }

    /** The helpline partners a stored partner set stands for, as configured now. */
    public List<String> partnersOf(Set<String> stored) {
        if (stored.contains(Consent.EVERY_PARTNER)) {
            return partners.helplinePartners();
        }
        return partners.helplinePartners().stream().filter(stored::contains).toList();
    }

    private void checkPartners(Consent consent) {
        if (consent.partners() != null && !partners.helplinePartners().containsAll(consent.partners())) {
            throw new UnknownHelplinePartner();
        }
    }

    public Optional<Case> findOwn(AccountId accountId, CaseReference reference) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.reference = :reference AND c.accountId = :account",
                        Case.class)
                .setParameter("reference", reference.value())
                .setParameter("account", accountId.value())
                .getResultStream().findFirst();
    }

    /**
     * Holds a case's row until the caller's transaction ends, without loading the case: for a change that goes on to
     * hold rows of its own about the case, so that it takes them in the order a withdrawal does, the case's first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRow(String caseId) {
        em.createNativeQuery("SELECT id FROM report_case WHERE id = ? FOR UPDATE").setParameter(1, caseId)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    /**
     * The helpline partners that may follow up a case, read afresh under the case's row lock, for a transaction that
     * is about to tell them something about it. A consent change and a withdrawal hold that row too and take back
     * what still waits for the partners that lose the case, so either this transaction's messages are queued before
     * they look, or this reads what they changed. None for a withdrawn or erased case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> partnersFollowingUp(String caseId) {
        // Plain SQL: an entity already loaded in this transaction could be older than the row the lock finds. No
        // flush first, which would compare every entity of the transaction (a tenth of a submission's CPU): other
        // transactions change these rows only under this lock, and what the caller's own transaction changed and
        // has not flushed (a withdrawal's own milestone) the caller checks on the case itself (Case.open).
        List<?> status = em.createNativeQuery("SELECT status FROM report_case WHERE id = ? FOR UPDATE")
                .setParameter(1, caseId).setFlushMode(FlushModeType.COMMIT).getResultList();
        if (status.isEmpty() || CaseStatus.WITHDRAWN.name().equals(status.get(0))) {
            return List.of();
        }
        Set<String> stored = new HashSet<>();
        for (Object partner : em.createNativeQuery("SELECT partner FROM case_consent WHERE case_id = ?")
                .setParameter(1, caseId).setFlushMode(FlushModeType.COMMIT).getResultList()) {
            stored.add((String) partner);
        }
        return partnersOf(stored);
    }

    /** A case by its id, for capabilities that were told of it by an event. */
    public Optional<Case> find(String caseId) {
        return Optional.ofNullable(em.find(Case.class, caseId));
    }

    public List<Case> listOwn(AccountId accountId) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.accountId = :account ORDER BY c.submittedAt DESC",
                        Case.class)
                .setParameter("account", accountId.value())
                .getResultList();
    }

    /**
     * An erased account takes its cases with it. Unless the young person asked to withdraw them, cases are only
     * detached: what the analyst side holds or has still to receive is pseudonymous from the start and keeps its
     * hashes blocked, and nothing here is left that links it to the account. Asked to withdraw, open cases are
     * withdrawn first (so what the analyst side has not claimed never leaves, and what it has is withdrawn).
     * Either way unclaimed safeguarding flags are taken back, then every case, its items, encrypted details and
     * idempotency keys are deleted.
     */
    void eraseWithAccount(@Observes AccountDeleted deleted) {
        AccountId accountId = deleted.accountId();
        for (Case reportCase : listOwn(accountId)) {
            if (deleted.withdrawCases() && reportCase.withdraw()) {
                withdrawn.fire(new CaseWithdrawn(reportCase.id(), accountId));
            }
            // Anything still waiting for a helpline (its observers of the erasure queue account.deleted after this)
            // must not outlive the account it is about.
            outbox.discardUnclaimed(Topic.HELPLINE, reportCase.reference().value());
            erased.fire(new CaseErased(reportCase.id(), accountId));
            em.remove(reportCase);
        }
        em.createQuery("DELETE FROM CaseSubmission s WHERE s.accountId = :account")
                .setParameter("account", accountId.value()).executeUpdate();
        em.flush();
    }

    private Case ownForUpdate(AccountId accountId, CaseReference reference) {
        return em.createQuery("SELECT c FROM ReportCase c WHERE c.reference = :reference AND c.accountId = :account",
                        Case.class)
                .setParameter("reference", reference.value())
                .setParameter("account", accountId.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(CaseNotFound::new);
    }

    private KnownMatches match(List<ItemDraft> drafts) {
        return knownSignals.known(drafts.stream().flatMap(draft -> draft.signals().stream()).toList());
    }

    /**
     * Only an exact match of a cryptographic hash makes an item "already known" to the young person: the same file
     * is in the bank. A perceptual near-match is never told to them item by item (answering it would let anyone probe
     * how far an image must be changed to escape the list): see {@link #noteNearMatches}.
     */
    private static Predicate<ItemDraft> exactlyKnown(KnownMatches matches) {
        return draft -> matches.anyExact(draft.signals());
    }

    /** A near-match goes to the analysts only, as a priority flag with the item's distance in its package. */
    private static void noteNearMatches(Collection<Item> items, KnownMatches matches) {
        for (Item item : items) {
            matches.nearest(item.signals()).ifPresent(item::nearKnownSignal);
        }
    }

    /** One answer per item touched, with the request positions that became it. */
    private static CaseAnswer answer(Case reportCase, List<Item> touched, List<ItemDraft> drafts) {
        Map<Item, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < touched.size(); i++) {
            positions.computeIfAbsent(touched.get(i), item -> new ArrayList<>()).addAll(drafts.get(i).from());
        }
        List<ItemAnswer> items = positions.entrySet().stream()
                .map(entry -> new ItemAnswer(entry.getKey().number(), entry.getKey().contentType().name(),
                        entry.getKey().alreadyKnown(), entry.getValue().stream().sorted().toList()))
                .toList();
        return new CaseAnswer(reportCase.reference().value(), reportCase.status().name(), items,
                Advice.about(reportCase, positions.keySet()));
    }

    /** A new case id: generated before the case, because its encrypted details are bound to it. */
    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }
}
