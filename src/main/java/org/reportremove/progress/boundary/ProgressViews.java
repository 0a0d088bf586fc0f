package org.reportremove.progress.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.reportremove.cases.control.CaseDetails;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.LocationKind;
import org.reportremove.progress.control.ReportingPages;
import org.reportremove.progress.control.Wording;
import org.reportremove.progress.entity.DerivedProgress;
import org.reportremove.progress.entity.ItemProgress;
import org.reportremove.progress.entity.ProgressCounts;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts a case's derived progress into the words its owner reads, in the case's language.
 */
@ApplicationScoped
public class ProgressViews {

    @Inject
    CaseDetails details;

    @Inject
    ReportingPages reportingPages;

    public ProgressView of(Case reportCase, DerivedProgress progress, boolean under13) {
        Wording words = Wording.of(reportCase.language(), under13);
        List<ProgressView.MilestoneView> milestones = progress.milestones().entrySet().stream()
                .map(reached -> {
                    String key = "milestone." + reached.getKey().name();
                    return new ProgressView.MilestoneView(reached.getKey().name(),
                            reached.getValue().atOffset(ZoneOffset.UTC).toLocalDate(), words.text(key + ".title"),
                            words.text(key + ".explanation"), words.text(key + ".next"));
                }).toList();
        ProgressCounts counts = progress.counts();
        List<ProgressView.ItemView> items = progress.items().stream()
                .map(item -> new ProgressView.ItemView(item.number(), item.stage().name(), words.text(itemKey(item))))
                .toList();
        return new ProgressView(reportCase.reference().value(), progress.stage().name(), reportCase.language().code(),
                milestones, new ProgressView.CountsView(counts.placesReported(), counts.placesRemoved(),
                counts.placesRemovedAgain(), counts.platformsBlocking(), counts.uploadsBlocked(),
                counts.copiesTakenDown()),
                Stream.concat(toldUs(reportCase, words).stream(), countsInWords(words, counts).stream()).toList(),
                items,
                progress.anyItemNotActedOn() ? stillPossible(reportCase, words) : null);
    }

    private static String itemKey(ItemProgress item) {
        if (item.outcome() == null) {
            return item.foundByAnalysts() ? "item.FOUND" : "item.WAITING";
        }
        return "item." + item.outcome().name();
    }

    /** A case without pictures of the young person's own: say what they told us rather than count pictures. */
    private List<String> toldUs(Case reportCase, Wording words) {
        if (!reportCase.placesOnly()) {
            return List.of();
        }
        boolean named = details.open(reportCase).locations().stream()
                .anyMatch(location -> location.kind() != LocationKind.DONT_KNOW);
        return List.of(words.text(named ? "told.places" : "told.threat"));
    }

    private static List<String> countsInWords(Wording words, ProgressCounts counts) {
        List<String> said = new ArrayList<>();
        if (counts.placesReported() > 0) {
            said.add(words.text("counts.removed",
                    Map.of("removed", counts.placesRemoved(), "places", counts.placesReported())));
        }
        if (counts.placesRemovedAgain() > 0) {
            said.add(words.text("counts.removedAgain", Map.of("again", counts.placesRemovedAgain())));
        }
        if (counts.platformsBlocking() > 0) {
            said.add(words.text("counts.blocking",
                    Map.of("platforms", counts.platformsBlocking(), "uploads", counts.uploadsBlocked())));
        }
        if (counts.copiesTakenDown() > 0) {
            said.add(words.text("counts.takenDown", Map.of("copies", counts.copiesTakenDown())));
        }
        return said;
    }

    private ProgressView.StillPossibleView stillPossible(Case reportCase, Wording words) {
        List<ProgressView.ReportingPageView> pages = reportingPages
                .forPlatformsIn(details.open(reportCase).locations()).entrySet().stream()
                .map(page -> new ProgressView.ReportingPageView(page.getKey().name(), page.getValue())).toList();
        return new ProgressView.StillPossibleView(words.text("stillPossible.text"), pages);
    }
}
