package org.reportremove.cases.entity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseReferenceTest {

    @Test
    void referencesAreShortReadableAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = CaseReference.generate().value();
            assertTrue(reference.matches("RR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"),
                    reference);
            assertTrue(seen.add(reference));
        }
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            CaseReference.generate().value().substring(3).replace("-", "").chars().forEach(c -> used.add((char) c));
        }
        assertEquals(32, used.size(), "60 random bits use the whole alphabet evenly");
    }

    @Test
    void aReferenceInAPathIsReadInEitherCaseAndAnythingElseIsNotOne() {
        assertEquals("RR-7K3P-9QX2-M4TD", CaseReference.parse("rr-7k3p-9qx2-m4td").orElseThrow().value());
        assertTrue(CaseReference.parse("RR-7K3P-9QX2-M4TI").isEmpty(), "I is not in the alphabet");
        assertTrue(CaseReference.parse("RR-7K3P-9QX2").isEmpty());
        assertTrue(CaseReference.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new CaseReference("AR-7K3P-9QX2-M4TD"));
    }

    @Test
    void analystReferencesAreAnotherRandomNumberEntirely() {
        String analyst = AnalystReference.generate().value();
        assertTrue(analyst.matches("AR(-[0-9A-HJKMNP-TV-Z]{4}){4}"), analyst);
        assertTrue(ItemReference.generate().value().matches("AI(-[0-9A-HJKMNP-TV-Z]{4}){4}"));
        assertNotEquals(AnalystReference.generate(), AnalystReference.generate());
    }
}
