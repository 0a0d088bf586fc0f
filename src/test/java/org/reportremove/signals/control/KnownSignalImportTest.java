package org.reportremove.signals.control;

import org.junit.jupiter.api.Test;
import org.reportremove.signals.entity.SignalType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One line of an operator's import, read as a value to add or remove, or refused with a reason. */
class KnownSignalImportTest {

    private static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    @Test
    void aQualityPastAnIntsRangeIsRefusedNotWrappedRound() {
        // 4294967346 is 2^32 + 50: read as an int it would be 50, a reliable quality.
        for (String quality : new String[]{"4294967346", "-4294967246", "1e12"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> KnownSignalImport.parse("{\"type\":\"PDQ\",\"value\":\"" + PDQ + "\",\"quality\":" + quality
                            + "}"), quality);
            assertEquals("quality must be a whole number from 0 to 100", refused.getMessage());
        }
    }

    @Test
    void aQualityFromZeroToAHundredIsRead() {
        for (int quality : new int[]{0, 50, 100}) {
            KnownSignalImport.ImportLine line = KnownSignalImport.parse("{\"type\":\"PDQ\",\"value\":\"" + PDQ
                    + "\",\"quality\":" + quality + "}");
            assertEquals(new KnownSignalImport.ImportLine(SignalType.PDQ, PDQ, quality, false), line);
        }
    }
}
