package org.reportremove.helpline.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.cases.control.Cases;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.CaseErased;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.ConsentChanged;
import org.reportremove.helpline.entity.HelplineEventType;
import org.reportremove.helpline.entity.SafeguardingFlag;
import org.reportremove.inbox.entity.MilestoneTold;
import org.reportremove.inbox.entity.ReplyWritten;
import org.reportremove.platform.outbox.Outbox;
import org.reportremove.platform.outbox.Topic;
import org.reportremove.platform.webhooks.Webhooks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * Tells each helpline partner that may follow up a case what happened to it, by queuing one outbox message per
 * partner in the transaction of the change: {@code {"partner": <client id>, "data": {...}}} with a CloudEvents type
 * as the message type, for the webhook deliveries to send. A partner that loses consent, a withdrawn case and an
 * erased account first take back what is still waiting, so nothing more about the case leaves afterwards.
 */
@ApplicationScoped
public class HelplineEvents {

    /** Safeguarding is claimed before everything else waiting for the helpline. */
    static final int SAFEGUARDING_PRIORITY = 1;

    @Inject
    Outbox outbox;

    @Inject
    Webhooks webhooks;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    void submitted(@Observes CaseSubmitted submitted) {
        cases.find(submitted.caseId()).ifPresent(reportCase -> {
            List<String> partners = cases.partnersOf(reportCase.consentedPartners());
            tellSubmitted(reportCase, submitted.age(), partners);
        });
    }

    void consentChanged(@Observes ConsentChanged changed) {
        cases.find(changed.caseId()).ifPresent(reportCase -> {
            List<String> before = cases.partnersOf(changed.before());
            List<String> after = cases.partnersOf(changed.after());
            String reference = reportCase.reference().value();
            for (String partner : before) {
                if (!after.contains(partner)) {
                    accounts.takeBackAssistedReset(reportCase.accountId(), partner);
                    // A withdrawn case's partners are told case.withdrawn, the last event about it, which must
                    // still go: taking back what waits would take it back too.
                    if (reportCase.open()) {
                        takeBack(reference, partner);
                        queue(reportCase, HelplineEventType.CONSENT_WITHDRAWN, partner, data(reportCase).build(), 0);
                    }
                }
            }
            List<String> added = after.stream().filter(partner -> !before.contains(partner)).toList();
            if (reportCase.open() && !added.isEmpty()) {
                accounts.find(reportCase.accountId())
                        .ifPresent(account -> tellSubmitted(reportCase, account.age(), added));
            }
        });
    }

    void withdrawn(@Observes CaseWithdrawn withdrawn) {
        cases.find(withdrawn.caseId()).ifPresent(reportCase -> {
            takeBackAll(reportCase);
            JsonObject data = data(reportCase).add("withdrawnOn", day(reportCase.withdrawnAt().toInstant())).build();
            for (String partner : partners(reportCase)) {
                accounts.takeBackAssistedReset(reportCase.accountId(), partner);
                queue(reportCase, HelplineEventType.CASE_WITHDRAWN, partner, data, 0);
            }
        });
    }

    /** Fired by the cases after they took back what was waiting for the helpline, before the case is deleted. */
    void erased(@Observes CaseErased erased) {
        cases.find(erased.caseId()).ifPresent(reportCase -> {
            takeBackAll(reportCase);
            for (String partner : partners(reportCase)) {
                queue(reportCase, HelplineEventType.ACCOUNT_DELETED, partner, data(reportCase).build(), 0);
            }
        });
    }

    /**
     * Told in transactions that do not hold the case (an analyst's result, a package delivered): the partners are
     * read under its lock, so a consent change or withdrawal at the same moment cannot miss what is queued here.
     */
    void progressed(@Observes MilestoneTold told) {
        List<String> partners = cases.partnersFollowingUp(told.caseId());
        if (partners.isEmpty()) {
            return;
        }
        cases.find(told.caseId()).filter(Case::open).ifPresent(reportCase -> {
            JsonObject data = data(reportCase).add("milestone", told.milestone().name())
                    .add("reachedOn", day(told.at())).build();
            for (String partner : partners) {
                queue(reportCase, HelplineEventType.CASE_PROGRESSED, partner, data, 0);
            }
        });
    }

    /** A young person answered a counsellor of the partner: only that partner is told, if it may still follow up. */
    void replied(@Observes ReplyWritten reply) {
        if (!cases.partnersFollowingUp(reply.caseId()).contains(reply.partner())) {
            return;
        }
        cases.find(reply.caseId()).ifPresent(reportCase -> queue(reportCase, HelplineEventType.MESSAGE_RECEIVED,
                reply.partner(), data(reportCase).add("messageId", reply.replyId()).add("receivedOn", day(reply.at()))
                        .build(), 0));
    }

    private void tellSubmitted(Case reportCase, AgeAssuranceOutcome age, Collection<String> partners) {
        Set<SafeguardingFlag> flags = SafeguardingFlag.of(reportCase.concerns(), age);
        JsonObject submittedData = data(reportCase).add("flags", names(flags)).build();
        List<Concern> raised = reportCase.concerns().stream().filter(Concern::needsSafeguarding).toList();
        for (String partner : partners) {
            queue(reportCase, HelplineEventType.CASE_SUBMITTED, partner, submittedData, 0);
            if (!raised.isEmpty()) {
                queue(reportCase, HelplineEventType.SAFEGUARDING_RAISED, partner,
                        data(reportCase).add("concerns", names(raised)).add("ageBand", age.band().label()).build(),
                        SAFEGUARDING_PRIORITY);
            }
        }
    }

    /** The partner's waiting messages and the deliveries not yet made to it, so nothing more about the case goes. */
    private void takeBack(String reference, String partner) {
        webhooks.cancelPending(partner, reference);
    }

    /** Everything still waiting about the case, for every partner, before its last event is queued. */
    private void takeBackAll(Case reportCase) {
        String reference = reportCase.reference().value();
        outbox.discardUnclaimed(Topic.HELPLINE, reference);
        for (String partner : partners(reportCase)) {
            webhooks.cancelPending(partner, reference);
        }
    }

    private List<String> partners(Case reportCase) {
        return cases.partnersOf(reportCase.consentedPartners());
    }

    private void queue(Case reportCase, HelplineEventType type, String partner, JsonObject data, int priority) {
        String payload = JSON.createObjectBuilder().add("partner", partner).add("data", data).build().toString();
        outbox.queue(Topic.HELPLINE, reportCase.reference().value(), type.type(), payload, priority);
    }

    private static JsonObjectBuilder data(Case reportCase) {
        return JSON.createObjectBuilder().add("reference", reportCase.reference().value());
    }

    private static JsonArrayBuilder names(Collection<? extends Enum<?>> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        // In their own order: flags most urgent first.
        values.stream().map(Enum::name).forEach(array::add);
        return array;
    }

    /** Times go out to the day at most: an exact time could tie the event to other records. */
    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
