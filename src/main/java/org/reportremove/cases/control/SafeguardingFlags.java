package org.reportremove.cases.control;

import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Consent;

import jakarta.json.JsonArrayBuilder;

import static org.reportremove.platform.json.JsonDocuments.JSON;

/**
 * The safeguarding flag queued for the helpline (only with consent): the case reference, the concerns behind the
 * flag, the age band and how the young person agreed to be contacted. Never signals, places or notes.
 */
final class SafeguardingFlags {

    static final String SAFEGUARDING_FLAG = "SAFEGUARDING_FLAG";

    private SafeguardingFlags() {
    }

    static String of(Case reportCase, AgeBand band, Consent consent) {
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
}
