package org.reportremove.helpline.entity;

import org.reportremove.agecheck.entity.AgeAssurance;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;
import org.reportremove.agecheck.entity.AgeBand;
import org.reportremove.cases.entity.Concern;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a counsellor should look at a case first, most urgent first: the order of the constants is the order of the
 * helpline's case list. A case without any comes after every case with one.
 */
public enum SafeguardingFlag {
    /** Someone demands money or more images, or threatens to share. */
    THREATENED,
    /** The young person says they are not safe. */
    AT_RISK,
    /** The young person is under 13. */
    UNDER_13,
    /** The age band was chosen without ID and no counsellor has confirmed it yet. */
    AGE_UNCONFIRMED;

    /** The rank of a case with no flag: after all the others. */
    public static final int NO_FLAG = values().length;

    public static Set<SafeguardingFlag> of(Set<Concern> concerns, AgeAssuranceOutcome age) {
        Set<SafeguardingFlag> flags = EnumSet.noneOf(SafeguardingFlag.class);
        if (concerns.contains(Concern.THREATENED)) {
            flags.add(THREATENED);
        }
        if (concerns.contains(Concern.AT_RISK)) {
            flags.add(AT_RISK);
        }
        if (age.band() == AgeBand.UNDER_13) {
            flags.add(UNDER_13);
        }
        if (age.assurance() == AgeAssurance.SELF_DECLARED) {
            flags.add(AGE_UNCONFIRMED);
        }
        return flags;
    }

    /** Where a case with these flags sits in the list: its most urgent flag. */
    public static int rank(Set<SafeguardingFlag> flags) {
        return flags.stream().mapToInt(Enum::ordinal).min().orElse(NO_FLAG);
    }
}
