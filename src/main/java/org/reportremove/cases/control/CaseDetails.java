package org.reportremove.cases.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.reportremove.cases.entity.Case;
import org.reportremove.cases.entity.Consent;
import org.reportremove.cases.entity.Location;
import org.reportremove.platform.crypto.DataSealer;

import java.util.ArrayList;
import java.util.List;

/**
 * Seals and opens what a young person wrote in a case (notes, locations, consent details), each bound to the
 * case id, so that a ciphertext moved to another case does not open there.
 */
@ApplicationScoped
public class CaseDetails {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    DataSealer sealer;

    /** What the young person wrote, in the clear, for the young person and for queued packages. */
    public record Opened(String notes, List<Location> locations, Consent consent) {
    }

    public Case.SealedDetails seal(String caseId, Submission submission) {
        return new Case.SealedDetails(
                submission.notes() == null ? null : sealer.seal(submission.notes(), caseId),
                sealer.seal(JSON.toJson(submission.locations()), caseId),
                sealer.seal(JSON.toJson(submission.consent()), caseId));
    }

    /** New consent details for the case, sealed for it. */
    public byte[] sealConsent(String caseId, Consent consent) {
        return sealer.seal(JSON.toJson(consent), caseId);
    }

    /** A new list of places for the case, sealed for it. */
    public byte[] sealLocations(String caseId, List<Location> locations) {
        return sealer.seal(JSON.toJson(locations), caseId);
    }

    public Opened open(Case reportCase) {
        Case.SealedDetails sealed = reportCase.sealedDetails();
        String id = reportCase.id();
        List<Location> locations = JSON.fromJson(sealer.open(sealed.locations(), id),
                new ArrayList<Location>() { }.getClass().getGenericSuperclass());
        return new Opened(sealed.notes() == null ? null : sealer.open(sealed.notes(), id), locations,
                JSON.fromJson(sealer.open(sealed.consent(), id), Consent.class));
    }
}
