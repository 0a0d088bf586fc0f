package org.reportremove.helpline.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.reportremove.accounts.control.Accounts;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.helpline.entity.CounsellorActed;
import org.reportremove.platform.ratelimit.AttemptLimits;
import org.reportremove.platform.security.Actor;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * What a counsellor does for the young person's account behind a consented case: confirm or correct a self-declared
 * age band, and issue a one-time reset code when they lost both passphrase and recovery codes. Only for an account
 * that consented to the counsellor's helpline, and each act is audited with the counsellor's name.
 */
@ApplicationScoped
public class AccountHelp {

    private static final Logger LOG = Logger.getLogger(AccountHelp.class.getName());

    @Inject
    HelplineCases cases;

    @Inject
    Accounts accounts;

    @Inject
    AttemptLimits limits;

    @Inject
    Event<CounsellorActed> acted;

    /** Long enough to pass on over the phone or in a chat, short enough that a code seen later is worthless. */
    @Inject
    @ConfigProperty(name = "reportremove.helpline.reset-code-minutes")
    int resetCodeMinutes;

    /** A reset code takes over an account: a helpline (or a stolen partner key) must not mint them in bulk. */
    @Inject
    @ConfigProperty(name = "reportremove.helpline.reset-codes-per-account-per-hour")
    int resetCodesPerHour;

    /** @return the account's age as it is now */
    @Transactional
    public AgeAssuranceOutcome confirmAge(String partner, Actor counsellor, String reference, AgeBand band) {
        HelplineCases.ConsentedCase consented = cases.find(partner, reference);
        boolean corrected = accounts.confirmAge(consented.owner().id(), band, partner);
        acted.fire(new CounsellorActed(corrected ? CounsellorActed.Action.AGE_CORRECTED
                : CounsellorActed.Action.AGE_CONFIRMED, consented.reportCase().id(), counsellor));
        LOG.info(() -> "event=helpline.age-confirmed case=" + consented.reportCase().reference().value()
                + " corrected=" + corrected);
        return accounts.find(consented.owner().id()).orElseThrow().age();
    }

    @Transactional
    public Accounts.IssuedReset issueResetCode(String partner, Actor counsellor, String reference) {
        HelplineCases.ConsentedCase consented = cases.find(partner, reference);
        limits.hourly("assisted-reset", consented.owner().id().value(), resetCodesPerHour);
        Accounts.IssuedReset issued = accounts.issueAssistedReset(consented.owner().id(), counsellor.id(),
                Duration.ofMinutes(resetCodeMinutes));
        acted.fire(new CounsellorActed(CounsellorActed.Action.RESET_CODE_ISSUED, consented.reportCase().id(),
                counsellor));
        LOG.info(() -> "event=helpline.reset-code-issued case=" + consented.reportCase().reference().value());
        return issued;
    }
}
