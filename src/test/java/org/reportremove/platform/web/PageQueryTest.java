package org.reportremove.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportremove.platform.problem.ProblemException;
import org.reportremove.platform.validation.FieldError;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The paged lists' query parameters: what is taken, and the problem a bad value gets. */
class PageQueryTest {

    @Test
    void aMissingSizeIsTheDefaultAndAnyFromOneToTheMostIsTaken() {
        assertEquals(20, PageQuery.size(null));
        assertEquals(1, PageQuery.size("1"));
        assertEquals(100, PageQuery.size("100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "1.5", "ten", "", "0010", " 5"})
    void aSizeOutsideOneToTheMostIsRefusedOnItsField(String size) {
        ProblemException refused = assertThrows(ProblemException.class, () -> PageQuery.size(size));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of(new FieldError("size", "must be a whole number from 1 to 100")),
                refused.problem().errors());
    }

    @Test
    void aMissingCursorIsTheFirstPageAndAKnownOneIsReadByItsParser() {
        assertEquals(Optional.empty(), PageQuery.cursor(null, text -> Optional.of("never asked")));
        assertEquals(Optional.of(42), PageQuery.cursor("42", text -> Optional.of(Integer.parseInt(text))));
    }

    @Test
    void aCursorTheParserDoesNotKnowIsRefusedOnItsField() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> PageQuery.cursor("made-up", text -> Optional.empty()));
        assertEquals(400, refused.problem().status());
        assertEquals(List.of(new FieldError("cursor", "must be the next value of a page this service gave you")),
                refused.problem().errors());
    }
}
