package org.reportremove.agecheck.control;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheckMethod;
import org.reportremove.agecheck.entity.AttestedAge;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultClaimsTest {

    private static final ResultClaims AGE_UNDER = new ResultClaims("nonce", "age_under", "18", "age_band", "method");
    private static final ResultClaims OVER_18_FALSE = new ResultClaims("nonce", "over_18", "false", "band", "how");
    private static final ResultClaims UNDER_18_TRUE = new ResultClaims("n", "age_under_18", "true", "band", "how");

    @Test
    void ageUnderEighteenWithBandAndMethod() {
        AttestedAge age = AGE_UNDER.read(claims("age_under", 18, "age_band", "16_17", "method", "Digital_ID"));

        assertEquals(new AttestedAge(AgeCheckMethod.DIGITAL_ID, Optional.of(AgeBand.AGE_16_17)), age);
    }

    @Test
    void ageUnderThirteenMeansTheUnder13Band() {
        AttestedAge age = AGE_UNDER.read(claims("age_under", 13, "method", "estimation"));

        assertEquals(Optional.of(AgeBand.UNDER_13), age.band());
    }

    @Test
    void ageUnderAboveEighteenIsAnAdult() {
        assertRefused("over-18", () -> AGE_UNDER.read(claims("age_under", 21, "method", "document")));
        assertEquals(Optional.of(AgeBand.UNDER_13),
                AGE_UNDER.read(claims("age_under", "12", "method", "document")).band(), "a number sent as text");
    }

    @Test
    void yesNoClaimsInEitherDirection() {
        assertEquals(AgeCheckMethod.DOCUMENT,
                OVER_18_FALSE.read(claims("over_18", false, "how", "document")).method());
        assertRefused("over-18", () -> OVER_18_FALSE.read(claims("over_18", true, "how", "document")));
        assertEquals(Optional.empty(), UNDER_18_TRUE.read(claims("age_under_18", true, "how", "document")).band());
        assertRefused("over-18", () -> UNDER_18_TRUE.read(claims("age_under_18", false, "how", "document")));
    }

    @Test
    void missingResultUnknownMethodOrBandAreIncomplete() {
        assertRefused("incomplete", () -> AGE_UNDER.read(claims("method", "document")));
        assertRefused("incomplete", () -> AGE_UNDER.read(claims("age_under", 18, "method", "selfie")));
        assertRefused("incomplete", () -> AGE_UNDER.read(claims("age_under", 18)));
        assertRefused("incomplete", () -> AGE_UNDER.read(claims("age_under", false, "method", "document")));
        assertRefused("incomplete", () -> OVER_18_FALSE.read(claims("over_18", "no", "how", "document")));
        assertRefused("incomplete",
                () -> AGE_UNDER.read(claims("age_under", 18, "method", "document", "age_band", "12-14")));
    }

    @Test
    void developmentValuesReadBackAsTheAgeTheyStandFor() {
        for (ResultClaims layout : new ResultClaims[]{AGE_UNDER, OVER_18_FALSE, UNDER_18_TRUE}) {
            for (int age : new int[]{9, 15, 17}) {
                layout.read(claims(layout.under18(), layout.under18ValueFor(age), layout.method(), "document"));
            }
            assertRefused("over-18", () -> layout.read(
                    claims(layout.under18(), layout.under18ValueFor(18), layout.method(), "document")));
        }
        assertEquals(Optional.of(AgeBand.UNDER_13), AGE_UNDER.read(
                claims("age_under", AGE_UNDER.under18ValueFor(9), "method", "document")).band());
    }

    private static JWTClaimsSet claims(Object... namesAndValues) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            claims.claim((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims.build();
    }

    private static void assertRefused(String slug, org.junit.jupiter.api.function.Executable read) {
        AttestationRefused refused = assertThrows(AttestationRefused.class, read);
        assertEquals(slug, refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
