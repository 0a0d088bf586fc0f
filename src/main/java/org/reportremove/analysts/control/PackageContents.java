package org.reportremove.analysts.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.reportremove.agecheck.entity.AgeAssurance;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.analysts.entity.AnalystCase;
import org.reportremove.analysts.entity.PriorityFlag;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Item;
import org.reportremove.cases.entity.Location;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * The packages queued for the analyst side, holding only what the data-boundary table allows it: the analyst
 * reference, item references, content types, signals, locations, priority flags (concerns, {@code UNDER_13},
 * {@code SELF_DECLARED_AGE}, {@code KNOWN_NEAR_MATCH} with each near item's {@code knownDistance}), the age band, and the time rounded down to the hour. Never the account id, username,
 * case reference, notes, consent or the exact time, which together could tie a package back to a person.
 */
final class PackageContents {

    static final String CASE_SUBMITTED = "CASE_SUBMITTED";
    static final String ITEMS_ADDED = "ITEMS_ADDED";
    static final String CASE_WITHDRAWN = "CASE_WITHDRAWN";
    static final String LOCATIONS_ADDED = "LOCATIONS_ADDED";

    private PackageContents() {
    }

    static String submitted(Case reportCase, AgeAssuranceOutcome age, List<Location> locations) {
        return analystMessage(CASE_SUBMITTED, reportCase, age)
                .add("items", items(reportCase.items()))
                .add("locations", locations(locations))
                .build().toString();
    }

    static String itemsAdded(Case reportCase, AgeAssuranceOutcome age, Collection<Item> items) {
        return analystMessage(ITEMS_ADDED, reportCase, age).add("items", items(items)).build().toString();
    }

    /** Every place the case names now (the analyst side keeps the latest list), and no item. */
    static String locationsAdded(Case reportCase, AgeAssuranceOutcome age, List<Location> locations) {
        return analystMessage(LOCATIONS_ADDED, reportCase, age).add("items", JSON.createArrayBuilder())
                .add("locations", locations(locations)).build().toString();
    }

    /** Tells the analyst side to withdraw every signal of the case. Needs no age: the account may be gone. */
    static String withdrawn(AnalystCase handedOver) {
        JsonArrayBuilder references = JSON.createArrayBuilder();
        handedOver.itemReferences().forEach(item -> references.add(item.value()));
        return JSON.createObjectBuilder()
                .add("type", CASE_WITHDRAWN)
                .add("analystReference", handedOver.analystReference().value())
                .add("hour", hourNow())
                .add("itemReferences", references)
                .build().toString();
    }


    static Set<PriorityFlag> priorityFlags(Case reportCase, AgeAssuranceOutcome age) {
        Set<PriorityFlag> flags = EnumSet.noneOf(PriorityFlag.class);
        reportCase.concerns().forEach(concern -> flags.add(PriorityFlag.valueOf(concern.name())));
        if (age.band() == AgeBand.UNDER_13) {
            flags.add(PriorityFlag.UNDER_13);
        }
        if (age.assurance() == AgeAssurance.SELF_DECLARED) {
            flags.add(PriorityFlag.SELF_DECLARED_AGE);
        }
        if (reportCase.items().stream().anyMatch(item -> item.knownDistance().isPresent())) {
            flags.add(PriorityFlag.KNOWN_NEAR_MATCH);
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
            JsonObjectBuilder entry = JSON.createObjectBuilder().add("itemReference", item.itemReference().value())
                    .add("contentType", item.contentType().name()).add("signals", signals);
            item.knownDistance().ifPresent(distance -> entry.add("knownDistance", distance));
            array.add(entry);
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
