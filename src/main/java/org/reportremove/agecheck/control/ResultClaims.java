package org.reportremove.agecheck.control;

import com.nimbusds.jwt.JWTClaimsSet;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.agecheck.entity.AgeCheckMethod;
import org.reportremove.agecheck.entity.AttestedAge;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider puts its answer in an attestation. Providers differ, so every claim name is configured, and
 * so is the value that means "under 18":
 * <ul>
 *   <li>a number {@code N} means "younger than N" ({@code age_under: 18}); any value up to {@code N} is under 18,
 *       and {@code 13} or less says under 13;</li>
 *   <li>{@code true} or {@code false} for a yes/no claim ({@code age_under_18: true}, or {@code over_18: false});</li>
 *   <li>any other text must be matched exactly.</li>
 * </ul>
 * A value of the right kind that does not mean "under 18" means 18 or over; a missing value, or one of the wrong
 * kind (text where a number belongs), makes the attestation incomplete.
 *
 * @param nonce        the claim that carries the age check's nonce
 * @param under18      the claim that says whether the person is under 18
 * @param under18Value the value of that claim that means under 18
 * @param ageBand      the optional claim with the age band ({@code UNDER_13}, {@code 13_15}, {@code 16_17})
 * @param method       the claim that says how age was checked ({@code document}, {@code digital_id},
 *                     {@code estimation})
 */
public record ResultClaims(String nonce, String under18, String under18Value, String ageBand, String method) {

    private static final int UNDER_13 = 13;
    private static final Map<String, AgeCheckMethod> METHODS = Map.of(
            "document", AgeCheckMethod.DOCUMENT,
            "digital_id", AgeCheckMethod.DIGITAL_ID,
            "estimation", AgeCheckMethod.ESTIMATION);

    public ResultClaims {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(under18, "under18");
        Objects.requireNonNull(under18Value, "under18Value");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(method, "method");
    }

    /** The provider's answer, or a problem: 18 or over, or something the service needs is missing. */
    public AttestedAge read(JWTClaimsSet claims) {
        Object result = claims.getClaim(under18);
        if (result == null) {
            throw Refusals.incomplete("whether you are under 18");
        }
        if (!meansUnder18(result)) {
            throw Refusals.over18();
        }
        Optional<AgeBand> band = bandOf(claims.getClaim(ageBand));
        if (band.isEmpty() && meansUnder13(result)) {
            band = Optional.of(AgeBand.UNDER_13);
        }
        return new AttestedAge(methodOf(claims.getClaim(method)), band);
    }

    /** The value a provider following this layout would give for someone of {@code age} years. */
    public Object under18ValueFor(int age) {
        if (isNumber(under18Value)) {
            long limit = Long.parseLong(under18Value);
            // "younger than age + 1" is exact; for minors, say the configured limit (or 13 for under-13s).
            return age >= 18 ? age + 1L : age < UNDER_13 ? Math.min(UNDER_13, limit) : limit;
        }
        if (isBoolean(under18Value)) {
            boolean yes = Boolean.parseBoolean(under18Value);
            return age < 18 ? yes : !yes;
        }
        return age < 18 ? under18Value : "";
    }

    /**
     * Whether the value means under 18. A value of the wrong kind (text where a number belongs) is not read as
     * "18 or over": telling a young person they are an adult by mistake is worse than asking them to retry.
     */
    private boolean meansUnder18(Object value) {
        if (isNumber(under18Value)) {
            Double number = numberOf(value);
            if (number == null) {
                throw Refusals.incomplete("whether you are under 18");
            }
            return number <= Long.parseLong(under18Value);
        }
        if (isBoolean(under18Value)) {
            if (!(value instanceof Boolean) && !isBoolean(String.valueOf(value))) {
                throw Refusals.incomplete("whether you are under 18");
            }
            return Boolean.parseBoolean(String.valueOf(value)) == Boolean.parseBoolean(under18Value);
        }
        return under18Value.equals(String.valueOf(value));
    }

    private boolean meansUnder13(Object value) {
        Double number = isNumber(under18Value) ? numberOf(value) : null;
        return number != null && number <= UNDER_13;
    }

    private static Double numberOf(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value instanceof String text && isNumber(text) ? Double.parseDouble(text) : null;
    }

    private static Optional<AgeBand> bandOf(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<AgeBand> band = AgeBand.fromLabel(String.valueOf(value).toUpperCase(Locale.ROOT));
        if (band.isEmpty()) {
            throw Refusals.incomplete("an age band this service knows");
        }
        return band;
    }

    private static AgeCheckMethod methodOf(Object value) {
        AgeCheckMethod found = value instanceof String text ? METHODS.get(text.toLowerCase(Locale.ROOT)) : null;
        if (found == null) {
            throw Refusals.incomplete("how your age was checked");
        }
        return found;
    }

    private static boolean isNumber(String value) {
        return value.matches("[0-9]{1,3}");
    }

    private static boolean isBoolean(String value) {
        return "true".equals(value) || "false".equals(value);
    }
}
