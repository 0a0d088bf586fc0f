package org.reportremove.cases.boundary;

import org.junit.jupiter.api.Test;
import org.reportremove.cases.control.Submission;
import org.reportremove.cases.entity.Concern;
import org.reportremove.cases.entity.Language;
import org.reportremove.platform.validation.FieldError;
import org.reportremove.platform.validation.InvalidFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseRulesTest {

    private static final SignalRequest SHA = new SignalRequest("SHA256", "1".repeat(64), null);
    private static final ConsentRequest NO_FOLLOW_UP = new ConsentRequest(false, null, null);

    @Test
    void aValidSubmissionBecomesDraftsWithDuplicatesMerged() {
        Submission submission = CaseRules.check(new CaseRequest(
                List.of(photo(SHA), photo(SHA, new SignalRequest("MD5", "2".repeat(32), null))),
                List.of(new LocationRequest("DONT_KNOW", null, null, null)),
                List.of("THREATENED", "THREATENED"), "  ", NO_FOLLOW_UP, "cy"));

        assertEquals(1, submission.items().size());
        assertEquals(List.of(0, 1), submission.items().get(0).from());
        assertEquals(Set.of(Concern.THREATENED), submission.concerns());
        assertNull(submission.notes(), "blank notes are no notes");
        assertEquals(Language.CY, submission.language());
    }

    @Test
    void everyBrokenRuleIsNamedByItsPathWithoutTheValue() {
        List<FieldError> errors = errorsOf(new CaseRequest(
                List.of(photo(new SignalRequest("PDQ", "a".repeat(64), 90)),
                        photo(SHA, new SignalRequest("MD5", "xyz", null), new SignalRequest("PDQ", "b".repeat(64), null))),
                List.of(new LocationRequest("URL", "ftp://example.org/file", null, null),
                        new LocationRequest("URL", "https://user:secret@example.org/", null, null),
                        new LocationRequest("PLATFORM", null, null, null)),
                List.of("BORED"), "n".repeat(2001), NO_FOLLOW_UP, null));

        assertEquals(List.of(
                new FieldError("items[0].signals", "needs at least one SHA256 or MD5 signal"),
                new FieldError("items[1].signals[1].value", "a MD5 value must be 32 hexadecimal characters, got 3"),
                new FieldError("items[1].signals[2].quality", "is required for a PDQ signal: a number from 0 to 100"),
                new FieldError("locations[0].url", "must be an http or https address"),
                new FieldError("locations[1].url", "must not hold a user name or password"),
                new FieldError("locations[2].platform", "is required when kind is PLATFORM"),
                new FieldError("concerns[0]", "must be one of THREATENED, AI_OR_ALTERED, KNOWS_WHO, AT_RISK"),
                new FieldError("notes", "must be at most 2,000 characters")), errors);
    }

    @Test
    void aPartnerListHoldingNullIsRefusedAsAFieldNotFailed() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        ConsentRequest consent = new ConsentRequest(true, null, withNull);

        InvalidFields alone = assertThrows(InvalidFields.class, () -> CaseRules.check(consent));
        assertEquals(List.of(new FieldError("partners", "must hold helpline partner ids")), alone.errors());
        InvalidFields inACase = assertThrows(InvalidFields.class, () -> CaseRules.check(new CaseRequest(
                List.of(photo(SHA)), null, null, null, consent, null)));
        assertEquals(List.of(new FieldError("consent.partners", "must hold helpline partner ids")), inACase.errors());
    }

    @Test
    void aCaseWithoutItemsNamesAPlaceOrAThreat() {
        LocationRequest url = new LocationRequest("URL", "https://example.com/shared/page", null, null);
        LocationRequest platform = new LocationRequest("PLATFORM", null, "SNAPCHAT", "a group");
        LocationRequest dontKnow = new LocationRequest("DONT_KNOW", null, null, null);

        assertEquals(List.of(), CaseRules.check(new CaseRequest(List.of(), List.of(platform), List.of("AI_OR_ALTERED"),
                null, NO_FOLLOW_UP, null)).items());
        assertEquals(Set.of(Concern.THREATENED), CaseRules.check(new CaseRequest(null, List.of(dontKnow),
                List.of("THREATENED"), null, NO_FOLLOW_UP, null)).concerns());
        assertEquals(List.of(new FieldError("items", CaseRules.NOTHING_TO_ACT_ON)), errorsOf(new CaseRequest(null,
                List.of(dontKnow), List.of("AI_OR_ALTERED", "KNOWS_WHO"), null, NO_FOLLOW_UP, null)),
                "not knowing where, without a threat, leaves nothing to look for");
        Submission placesOnly = CaseRules.check(new CaseRequest(null, List.of(url), null, null, NO_FOLLOW_UP, null));
        assertEquals(List.of(), placesOnly.items());
    }

    @Test
    void tooManyItemsSignalsOrLocationsAreRefused() {
        assertEquals(List.of(new FieldError("items", "must hold 1 to 50 items")),
                errorsOf(request(Collections.nCopies(51, photo(SHA)))));
        assertEquals(List.of(new FieldError("items", CaseRules.NOTHING_TO_ACT_ON)), errorsOf(request(List.of())));
        assertEquals(List.of(new FieldError("items[0].signals", "must hold 1 to 10 signals")),
                errorsOf(request(List.of(new ItemRequest("PHOTO", Collections.nCopies(11, SHA))))));
        assertEquals(List.of(new FieldError("locations", "must hold at most 20 locations")), errorsOf(new CaseRequest(
                List.of(photo(SHA)), Collections.nCopies(21, new LocationRequest("DONT_KNOW", null, null, null)),
                null, null, NO_FOLLOW_UP, null)));
    }

    @Test
    void imageDataInAnyTextFieldIsRefused() {
        String base64 = "iVBORw0KGgo" + "A".repeat(600);
        assertEquals(List.of(new FieldError("notes", "must not hold image data: this service accepts hashes only")),
                errorsOf(new CaseRequest(List.of(photo(SHA)), null, null, "look: " + base64, NO_FOLLOW_UP, null)));
        assertEquals(List.of(new FieldError("locations[0].url", "must not hold image data: this service accepts hashes only")),
                errorsOf(new CaseRequest(List.of(photo(SHA)), List.of(new LocationRequest("URL",
                        "data:image/png;base64,iVBORw0KGgo", null, null)), null, null, NO_FOLLOW_UP, null)));
        assertTrue(CaseRules.looksLikeImageData("DATA:image/jpeg,xyz"));
        assertFalse(CaseRules.looksLikeImageData("https://example.com/a/b?token=" + "x".repeat(300)));
    }

    @Test
    void longButOrdinaryUrlsAreAccepted() {
        String url = "https://example.com/" + "path/".repeat(400);
        assertEquals(2020, url.length());
        assertEquals(1, CaseRules.check(new CaseRequest(List.of(photo(SHA)),
                List.of(new LocationRequest("URL", url, null, null)), null, null, NO_FOLLOW_UP, null)).locations().size());
        assertEquals(List.of(new FieldError("locations[0].url", "must be at most 2,048 characters")),
                errorsOf(new CaseRequest(List.of(photo(SHA)), List.of(new LocationRequest("URL", url + "x".repeat(29),
                        null, null)), null, null, NO_FOLLOW_UP, null)));
    }

    private static CaseRequest request(List<ItemRequest> items) {
        return new CaseRequest(items, null, null, null, NO_FOLLOW_UP, null);
    }

    private static ItemRequest photo(SignalRequest... signals) {
        return new ItemRequest("PHOTO", new ArrayList<>(List.of(signals)));
    }

    private static List<FieldError> errorsOf(CaseRequest request) {
        return assertThrows(InvalidFields.class, () -> CaseRules.check(request)).errors();
    }
}
