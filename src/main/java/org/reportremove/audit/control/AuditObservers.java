package org.reportremove.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.reportremove.accounts.entity.AccountDeleted;
import org.reportremove.accounts.entity.AccountOpened;
import org.reportremove.accounts.entity.PassphraseReplaced;
import org.reportremove.agecheck.entity.AgeCheckRefused;
import org.reportremove.agecheck.entity.AgeCheckStarted;
import org.reportremove.agecheck.entity.AgeCheckVerified;
import org.reportremove.analysts.entity.AnalystBundleRecorded;
import org.reportremove.analysts.entity.AnalystCaseClosed;
import org.reportremove.analysts.entity.AssessmentRecorded;
import org.reportremove.analysts.entity.BundleRecord;
import org.reportremove.analysts.entity.AnalystItemFound;
import org.reportremove.analysts.entity.RemovalRecorded;
import org.reportremove.audit.entity.AuditAction;
import org.reportremove.auth.entity.SignedIn;
import org.reportremove.cases.entity.CaseErased;
import org.reportremove.cases.entity.CaseSubmitted;
import org.reportremove.cases.entity.CaseWithdrawn;
import org.reportremove.cases.entity.ConsentChanged;
import org.reportremove.cases.entity.ItemsAdded;
import org.reportremove.cases.entity.LocationsAdded;
import org.reportremove.helpline.entity.CounsellorActed;
import org.reportremove.industry.entity.FeedRead;
import org.reportremove.industry.entity.FeedSignalsWithdrawn;
import org.reportremove.industry.entity.FeedbackReceived;
import org.reportremove.platform.retention.RecordsPurged;
import org.reportremove.platform.security.Actor;
import org.reportremove.signals.entity.KnownSignalsImported;

/**
 * The audit trail listens: one observer per audited event of every capability, each writing its row in the
 * transaction of the change it records (synchronous observers), so no audited change commits without its row and
 * no row outlives a change that rolled back. Rows name actors by role and pseudonymous id, and objects by id.
 */
@ApplicationScoped
public class AuditObservers {

    /** The actor id of age checks: no person is known yet when one runs. */
    static final String AGE_CHECK_ACTOR = "age-check";
    /** The actor id of scheduled purges. */
    static final String RETENTION_ACTOR = "retention";

    @Inject
    AuditTrail trail;

    void ageCheckStarted(@Observes AgeCheckStarted event) {
        trail.record(AuditAction.AGE_CHECK_STARTED, Actor.system(AGE_CHECK_ACTOR), event.ageCheckId());
    }

    void ageCheckVerified(@Observes AgeCheckVerified event) {
        trail.record(AuditAction.AGE_CHECK_VERIFIED, Actor.system(AGE_CHECK_ACTOR), event.ageCheckId());
    }

    void ageCheckRefused(@Observes AgeCheckRefused event) {
        trail.record(AuditAction.AGE_CHECK_REFUSED, Actor.system(AGE_CHECK_ACTOR), event.ageCheckId());
    }

    void accountOpened(@Observes AccountOpened event) {
        String id = event.accountId().value();
        trail.record(AuditAction.ACCOUNT_OPENED, Actor.youngPerson(id), id);
    }

    void signedIn(@Observes SignedIn event) {
        String id = event.accountId().value();
        trail.record(AuditAction.SIGNED_IN, Actor.youngPerson(id), id);
    }

    void passphraseReplaced(@Observes PassphraseReplaced event) {
        trail.record(event.way() == PassphraseReplaced.Way.RECOVERY_CODE ? AuditAction.PASSPHRASE_RECOVERED
                : AuditAction.PASSPHRASE_RESET_ASSISTED, event.actor(), event.accountId().value());
    }

    void accountDeleted(@Observes AccountDeleted event) {
        String id = event.accountId().value();
        trail.record(AuditAction.ACCOUNT_DELETED, Actor.youngPerson(id), id);
    }

    void feedRead(@Observes FeedRead event) {
        trail.record(AuditAction.INDUSTRY_FEED_READ, event.actor(), event.platform());
    }

    void feedbackReceived(@Observes FeedbackReceived event) {
        trail.record(AuditAction.INDUSTRY_FEEDBACK_RECEIVED, event.actor(), event.platform());
    }

    void feedSignalsWithdrawn(@Observes FeedSignalsWithdrawn event) {
        if (event.removed() > 0) {
            trail.record(AuditAction.INDUSTRY_SIGNALS_WITHDRAWN, Actor.system("industry-feed"), event.caseId());
        }
    }

    void knownSignalsImported(@Observes KnownSignalsImported event) {
        trail.record(AuditAction.KNOWN_SIGNALS_IMPORTED, event.actor(), event.importId());
    }

    void caseSubmitted(@Observes CaseSubmitted event) {
        trail.record(AuditAction.CASE_SUBMITTED, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void locationsAdded(@Observes LocationsAdded event) {
        trail.record(AuditAction.CASE_LOCATIONS_ADDED, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void analystItemFound(@Observes AnalystItemFound event) {
        trail.record(AuditAction.ANALYST_ITEM_FOUND, event.actor(), event.caseId());
    }

    void itemsAdded(@Observes ItemsAdded event) {
        trail.record(AuditAction.CASE_ITEMS_ADDED, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void caseWithdrawn(@Observes CaseWithdrawn event) {
        trail.record(AuditAction.CASE_WITHDRAWN, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void consentChanged(@Observes ConsentChanged event) {
        trail.record(AuditAction.CONSENT_CHANGED, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void counsellorActed(@Observes CounsellorActed event) {
        AuditAction action = switch (event.action()) {
            case CASE_READ -> AuditAction.HELPLINE_CASE_READ;
            case NOTES_READ -> AuditAction.HELPLINE_NOTES_READ;
            case NOTE_WRITTEN -> AuditAction.HELPLINE_NOTE_WRITTEN;
            case MESSAGE_SENT -> AuditAction.HELPLINE_MESSAGE_SENT;
            case AGE_CONFIRMED -> AuditAction.HELPLINE_AGE_CONFIRMED;
            case AGE_CORRECTED -> AuditAction.HELPLINE_AGE_CORRECTED;
            case RESET_CODE_ISSUED -> AuditAction.HELPLINE_RESET_CODE_ISSUED;
        };
        trail.record(action, event.actor(), event.caseId());
    }

    void caseErased(@Observes CaseErased event) {
        trail.record(AuditAction.CASE_ERASED, Actor.youngPerson(event.accountId().value()), event.caseId());
    }

    void assessmentRecorded(@Observes AssessmentRecorded event) {
        trail.record(AuditAction.ANALYST_ASSESSMENT_RECORDED, event.actor(), event.caseId());
    }

    void removalRecorded(@Observes RemovalRecorded event) {
        trail.record(AuditAction.ANALYST_REMOVAL_RECORDED, event.actor(), event.caseId());
    }

    void analystCaseClosed(@Observes AnalystCaseClosed event) {
        trail.record(AuditAction.ANALYST_CASE_CLOSED, event.actor(), event.caseId());
    }

    void analystBundleRecorded(@Observes AnalystBundleRecorded event) {
        trail.record(BundleRecord.EXPORTED.equals(event.direction()) ? AuditAction.ANALYST_BUNDLE_EXPORTED
                : AuditAction.ANALYST_BUNDLE_IMPORTED, event.actor(), event.bundleId());
    }

    /** A purge is recorded as a count of a kind ({@code CLOSED_CASES:12}): what it removed is not named. */
    void recordsPurged(@Observes RecordsPurged event) {
        trail.record(AuditAction.RECORDS_PURGED, Actor.system(RETENTION_ACTOR), event.what() + ":" + event.count());
    }
}
