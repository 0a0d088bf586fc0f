package org.reportremove.cases.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.reportremove.agecheck.entity.AgeAssurance;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Consent;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.Location;
import org.reportremove.cases.entity.PriorityFlag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * The messages queued for other parties, holding only what the data-boundary table allows each one.
 *
 * <p>For the analyst side: the analyst reference, item references, content types, signals, locations, priority
 * flags (concerns, {@code UNDER_13}, {@code SELF_DECLARED_AGE}), the age band, and the time rounded down to the
 * hour. Never the account id, username, case reference, notes, consent or the exact time, which together could
 * tie a package back to a person.
 *
 * <p>For the helpline (only with consent): the case reference, the concerns behind the flag and the age band.
 */
public final class CasePackages {

    public static final String CASE_SUBMITTED = "CASE_SUBMITTED";
    public static final String ITEMS_ADDED = "ITEMS_ADDED";
    public static final String CASE_WITHDRAWN = "CASE_WITHDRAWN";
    public static final String SAFEGUARDING_FLAG = "SAFEGUARDING_FLAG";

    private CasePackages() {
    }

    public static String submitted(Case reportCase, AgeAssuranceOutcome age, List<Location> locations) {
        return analystMessage(CASE_SUBMITTED, reportCase, age)
                .add("items", items(reportCase.items()))
                .add("locations", locations(locations))
                .build().toString();
    }

    public static String itemsAdded(Case reportCase, AgeAssuranceOutcome age, Collection<Item> items) {
        return analystMessage(ITEMS_ADDED, reportCase, age).add("items", items(items)).build().toString();
    }

    /** Tells the analyst side to withdraw every signal of the case. Needs no age: the account may be gone. */
    public static String withdrawn(Case reportCase) {
        JsonArrayBuilder references = JSON.createArrayBuilder();
        reportCase.items().forEach(item -> references.add(item.itemReference()));
        return JSON.createObjectBuilder()
                .add("type", CASE_WITHDRAWN)
                .add("analystReference", reportCase.analystReference().value())
                .add("hour", hourNow())
                .add("itemReferences", references)
                .build().toString();
    }

    public static String safeguardingFlag(Case reportCase, AgeBand band, Consent consent) {
        JsonArrayBuilder concerns = JSON.createArrayBuilder();
        reportCase.concerns().stream().filter(Concern::needsSafeguarding).forEach(c -> concerns.add(c.name()));
        return JSON.createObjectBuilder()
                .add("type", SAFEGUARDING_FLAG)
                .add("caseReference", reportCase.reference().value())
                .add("concerns", concerns)
                .add("ageBand", band.label())
                .add("contactBy", consent.contactBy().name())
                .build().toString();
    }

    public static Set<PriorityFlag> priorityFlags(Case reportCase, AgeAssuranceOutcome age) {
        Set<PriorityFlag> flags = EnumSet.noneOf(PriorityFlag.class);
        reportCase.concerns().forEach(concern -> flags.add(PriorityFlag.valueOf(concern.name())));
        if (age.band() == AgeBand.UNDER_13) {
            flags.add(PriorityFlag.UNDER_13);
        }
        if (age.assurance() == AgeAssurance.SELF_DECLARED) {
            flags.add(PriorityFlag.SELF_DECLARED_AGE);
        }
        return flags;
    }

    private static JsonObjectBuilder analystMessage(String type, Case reportCase, AgeAssuranceOutcome age) {
        JsonArrayBuilder flags = JSON.createArrayBuilder();
        priorityFlags(reportCase, age).forEach(flag -> flags.add(flag.name()));
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("analystReference", reportCase.analystReference().value())
                .add("hour", hourNow())
                .add("ageBand", age.band().label())
                .add("priorityFlags", flags);
    }

    /** The hour, not the minute: an exact time could be matched against the young person's own records. */
    private static String hourNow() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).toString();
    }

    private static JsonArrayBuilder items(Collection<Item> items) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Item item : items) {
            JsonArrayBuilder signals = JSON.createArrayBuilder();
            item.signals().forEach(signal -> {
                JsonObjectBuilder s = JSON.createObjectBuilder().add("type", signal.type().name())
                        .add("value", signal.value());
                if (signal.quality() != null) {
                    s.add("quality", signal.quality());
                }
                signals.add(s);
            });
            array.add(JSON.createObjectBuilder().add("itemReference", item.itemReference())
                    .add("contentType", item.contentType().name()).add("signals", signals));
        }
        return array;
    }

    private static JsonArrayBuilder locations(List<Location> locations) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (Location location : locations) {
            JsonObjectBuilder l = JSON.createObjectBuilder().add("kind", location.kind().name());
            if (location.url() != null) {
                l.add("url", location.url());
            }
            if (location.platform() != null) {
                l.add("platform", location.platform().name());
            }
            if (location.name() != null) {
                l.add("name", location.name());
            }
            array.add(l);
        }
        return array;
    }
}
