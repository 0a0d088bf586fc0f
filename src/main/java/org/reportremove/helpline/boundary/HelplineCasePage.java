package org.reportremove.helpline.boundary;

import java.time.LocalDate;
import java.util.List;

/**
 * A page of the cases a helpline may follow up, safeguarding first, then oldest.
 *
 * @param next the cursor for the next page; left out on the last
 */
public record HelplineCasePage(List<Summary> cases, String next) {

    /**
     * One case in the list: enough to decide which to open first, nothing the young person wrote.
     *
     * @param flags most urgent first: {@code THREATENED}, {@code AT_RISK}, {@code UNDER_13}, {@code AGE_UNCONFIRMED}
     */
    public record Summary(String reference, String status, List<String> flags, String ageBand, String ageAssurance,
                          LocalDate submittedOn, String stage) {
    }
}
