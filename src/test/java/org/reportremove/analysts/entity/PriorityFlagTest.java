package org.reportremove.analysts.entity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leasing order of packages by their flags, as docs/api-analysts.md states it.
 */
class PriorityFlagTest {

    /** The documented order, most urgent first. */
    private static final List<PriorityFlag> DOCUMENTED = List.of(PriorityFlag.DISPUTED_MATCH,
            PriorityFlag.SELF_DECLARED_AGE, PriorityFlag.UNDER_13,
            PriorityFlag.AT_RISK, PriorityFlag.THREATENED, PriorityFlag.KNOWS_WHO, PriorityFlag.AI_OR_ALTERED,
            PriorityFlag.KNOWN_NEAR_MATCH);

    @Test
    void everyFlagHasItsPlaceInTheDocumentedOrder() {
        assertEquals(EnumSet.allOf(PriorityFlag.class), EnumSet.copyOf(DOCUMENTED));
    }

    @Test
    void aSelfDeclaredUnder13AtRiskPackageGoesBeforeAnyPackageWithoutAllThreeExceptADisputedMatch() {
        int urgent = PriorityFlag.rank(EnumSet.of(PriorityFlag.SELF_DECLARED_AGE, PriorityFlag.UNDER_13,
                PriorityFlag.AT_RISK));
        for (Set<PriorityFlag> other : allSets()) {
            if (!other.contains(PriorityFlag.DISPUTED_MATCH) && !other.containsAll(EnumSet.of(
                    PriorityFlag.SELF_DECLARED_AGE, PriorityFlag.UNDER_13, PriorityFlag.AT_RISK))) {
                assertTrue(urgent > PriorityFlag.rank(other), other::toString);
            }
        }
        assertEquals(0, PriorityFlag.rank(EnumSet.noneOf(PriorityFlag.class)), "no flags, last");
    }

    /** Every pair of flag sets: the rank orders them as the first documented flag on which they differ does. */
    @Test
    void theRankOrdersEveryPairOfFlagSetsByTheFirstDocumentedFlagOnWhichTheyDiffer() {
        for (Set<PriorityFlag> a : allSets()) {
            for (Set<PriorityFlag> b : allSets()) {
                int expected = 0;
                for (PriorityFlag flag : DOCUMENTED) {
                    if (a.contains(flag) != b.contains(flag)) {
                        expected = a.contains(flag) ? 1 : -1;
                        break;
                    }
                }
                assertEquals(expected, Integer.signum(Integer.compare(PriorityFlag.rank(a), PriorityFlag.rank(b))),
                        a + " against " + b);
            }
        }
    }

    private static List<Set<PriorityFlag>> allSets() {
        PriorityFlag[] flags = PriorityFlag.values();
        List<Set<PriorityFlag>> sets = new ArrayList<>();
        for (int mask = 0; mask < 1 << flags.length; mask++) {
            Set<PriorityFlag> set = EnumSet.noneOf(PriorityFlag.class);
            for (int i = 0; i < flags.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(flags[i]);
                }
            }
            sets.add(set);
        }
        return sets;
    }
}
