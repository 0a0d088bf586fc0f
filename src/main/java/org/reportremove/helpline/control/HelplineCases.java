package org.reportremove.helpline.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.accounts.entity.Account;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseReference;
import org.reportremove.cases.entity.CaseStatus;
import org.reportremove.cases.entity.Consent;
import org.reportremove.helpline.entity.ConsentedCaseNotFound;
import org.reportremove.helpline.entity.CounsellorActed;
import org.reportremove.helpline.entity.HelplineCursor;
import org.reportremove.helpline.entity.SafeguardingFlag;
import org.reportremove.platform.security.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cases a helpline partner may follow up: those whose owner consented to it (by name, or to every helpline),
 * safeguarding first, then oldest. Any other case, existing or not, is {@link ConsentedCaseNotFound}.
 */
@ApplicationScoped
public class HelplineCases {

    /**
     * The safeguarding rank, in SQL, the same as {@link SafeguardingFlag#rank}: the list is ordered and paged on it
     * in the database. Concern names never contain one another, so a LIKE finds exactly one.
     */
    private static final String RANK = "CASE WHEN c.concerns LIKE '%THREATENED%' THEN 0"
            + " WHEN c.concerns LIKE '%AT_RISK%' THEN 1"
            + " WHEN a.age_band = 'UNDER_13' THEN 2"
            + " WHEN a.age_assurance = 'SELF_DECLARED' THEN 3 ELSE " + SafeguardingFlag.NO_FLAG + " END";

    @PersistenceContext(unitName = "reportremove")
    EntityManager em;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    Event<CounsellorActed> acted;

    /** A consented case with its owner's account, as the helpline sees it. */
    public record ConsentedCase(Case reportCase, Account owner) {

        public Set<SafeguardingFlag> flags() {
            return SafeguardingFlag.of(reportCase.concerns(), owner.age());
        }
    }

    /** A page of cases and where the next starts. */
    public record Page(List<ConsentedCase> cases, Optional<HelplineCursor> next) {
    }

    /** Safeguarding first, then oldest; {@code size} at most, after the cursor when there is one. */
    public Page page(String partner, Optional<SafeguardingFlag> flag, Optional<CaseStatus> status,
                     Optional<HelplineCursor> after, int size) {
        StringBuilder sql = new StringBuilder("SELECT id, rnk FROM (SELECT c.id AS id, c.submitted_at AS submitted_at, ")
                .append(RANK).append(" AS rnk FROM report_case c JOIN account a ON a.id = c.account_id")
                .append(" WHERE EXISTS (SELECT 1 FROM case_consent k WHERE k.case_id = c.id")
                .append(" AND k.partner IN (?1, ?2))");
        status.ifPresent(s -> sql.append(" AND c.status = ?3"));
        flag.ifPresent(f -> sql.append(switch (f) {
            case THREATENED -> " AND c.concerns LIKE '%THREATENED%'";
            case AT_RISK -> " AND c.concerns LIKE '%AT_RISK%'";
            case UNDER_13 -> " AND a.age_band = 'UNDER_13'";
            case AGE_UNCONFIRMED -> " AND a.age_assurance = 'SELF_DECLARED'";
        }));
        sql.append(") ranked");
        if (after.isPresent()) {
            sql.append(" WHERE rnk > ?4 OR (rnk = ?4 AND (submitted_at > ?5 OR (submitted_at = ?5 AND id > ?6)))");
        }
        sql.append(" ORDER BY rnk, submitted_at, id");
        Query query = em.createNativeQuery(sql.toString())
                .setParameter(1, partner)
                .setParameter(2, Consent.EVERY_PARTNER)
                .setMaxResults(size + 1);
        status.ifPresent(s -> query.setParameter(3, s.name()));
        after.ifPresent(cursor -> query.setParameter(4, cursor.rank())
                .setParameter(5, cursor.submittedAt().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(6, cursor.id()));
        List<ConsentedCase> found = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            Optional<ConsentedCase> consented = cases.find((String) columns[0]).flatMap(this::withOwner);
            if (consented.isPresent()) {
                found.add(consented.get());
                ranks.add(((Number) columns[1]).intValue());
            }
        }
        List<ConsentedCase> page = found.size() > size ? found.subList(0, size) : found;
        Optional<HelplineCursor> next = Optional.empty();
        if (found.size() > size) {
            Case last = page.get(size - 1).reportCase();
            next = Optional.of(new HelplineCursor(ranks.get(size - 1), last.submittedAt().toInstant(), last.id()));
        }
        return new Page(List.copyOf(page), next);
    }

    /** {@link #find}, with the reading in the audit trail: a counsellor saw what the young person wrote. */
    @Transactional
    public ConsentedCase read(String partner, Actor counsellor, String reference) {
        ConsentedCase consented = find(partner, reference);
        acted.fire(new CounsellorActed(CounsellorActed.Action.CASE_READ, consented.reportCase().id(), counsellor));
        return consented;
    }

    /** @throws ConsentedCaseNotFound unless the case's owner consented to follow-up by {@code partner} */
    public ConsentedCase find(String partner, String reference) {
        return CaseReference.parse(reference)
                .flatMap(parsed -> em.createQuery("SELECT c FROM ReportCase c WHERE c.reference = :reference",
                                Case.class)
                        .setParameter("reference", parsed.value())
                        .getResultStream().findFirst())
                .filter(reportCase -> cases.partnersOf(reportCase.consentedPartners()).contains(partner))
                .flatMap(this::withOwner)
                .orElseThrow(ConsentedCaseNotFound::new);
    }

    private Optional<ConsentedCase> withOwner(Case reportCase) {
        return accounts.find(reportCase.accountId()).map(owner -> new ConsentedCase(reportCase, owner));
    }
}
