package org.reportremove.helpline.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.cases.control.CaseDetails;
import org.reportremove.cases.entity.Case;
import org.reportremove.helpline.control.HelplineCases;
import org.reportremove.helpline.entity.SafeguardingFlag;
import org.reportremove.progress.control.CaseProgress;
import org.reportremove.progress.entity.DerivedProgress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Builds what a counsellor sees from an allow-list of what the case and its owner hold: each member is copied by
 * name, so a field added to the case later does not reach a helpline unless it is added here.
 */
@ApplicationScoped
public class HelplineViews {

    @Inject
    CaseDetails details;

    @Inject
    CaseProgress progress;

    HelplineCasePage.Summary summary(HelplineCases.ConsentedCase consented) {
        Case reportCase = consented.reportCase();
        AgeAssuranceOutcome age = consented.owner().age();
        return new HelplineCasePage.Summary(reportCase.reference().value(), reportCase.status().name(),
                flags(consented), age.band().label(), age.assurance().name(), day(reportCase.submittedAt()),
                progress.of(reportCase).stage().name());
    }

    HelplineCaseView view(HelplineCases.ConsentedCase consented, List<HelplineCaseView.ThreadMessage> thread) {
        Case reportCase = consented.reportCase();
        AgeAssuranceOutcome age = consented.owner().age();
        CaseDetails.Opened opened = details.open(reportCase);
        DerivedProgress derived = progress.of(reportCase);
        List<HelplineCaseView.Milestone> milestones = derived.milestones().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(reached -> new HelplineCaseView.Milestone(reached.getKey().name(),
                        LocalDate.ofInstant(reached.getValue(), ZoneOffset.UTC)))
                .toList();
        return new HelplineCaseView(reportCase.reference().value(), reportCase.status().name(),
                reportCase.language().code(), day(reportCase.submittedAt()),
                reportCase.withdrawnAt() == null ? null : day(reportCase.withdrawnAt()),
                age.band().label(), age.assurance().name(), flags(consented),
                reportCase.concerns().stream().map(Enum::name).sorted().toList(),
                opened.consent().contactBy() == null ? null : opened.consent().contactBy().name(),
                opened.notes(), opened.locations(),
                new HelplineCaseView.ProgressPart(derived.stage().name(), milestones, derived.counts()),
                thread.stream().sorted(Comparator.comparing(HelplineCaseView.ThreadMessage::writtenAt)).toList());
    }

    private static List<String> flags(HelplineCases.ConsentedCase consented) {
        return consented.flags().stream().map(SafeguardingFlag::name).toList();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
