package org.reportremove.accounts.control;

import org.reportremove.accounts.entity.Account;
import org.reportremove.agecheck.entity.AgeAssurance;
import org.reportremove.agecheck.entity.AgeAssuranceOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * What we hold about an account, told in plain words for the young person.
 */
public final class AccountStatement {

    private AccountStatement() {
    }

    /** @param elsewhere what the capabilities above hold about the account, already in plain words */
    public static List<String> of(Account account, List<String> elsewhere) {
        AgeAssuranceOutcome age = account.age();
        List<String> lines = new ArrayList<>();
        lines.add("Your username, " + account.username() + ", and a scrambled form of your passphrase that"
                + " nobody can turn back into the passphrase.");
        lines.add(switch (age.assurance()) {
            case VERIFIED -> "That an age check (by " + age.provider() + ") showed you are under 18, and your age"
                    + " group. We never saw or kept your ID or your date of birth.";
            case SELF_DECLARED -> "The age group you told us. A counsellor may ask to confirm it with you.";
            case HELPLINE_CONFIRMED -> "Your age group, which a counsellor confirmed with you.";
        });
        lines.add(account.unusedRecoveryCodes() + " unused recovery codes, kept scrambled like your passphrase.");
        lines.addAll(elsewhere);
        lines.add("We do not have your name, email address, phone number or date of birth, and we never"
                + " receive your pictures or videos.");
        lines.add("You can erase your account at any time; everything here goes with it.");
        if (age.assurance() == AgeAssurance.SELF_DECLARED) {
            lines.add("Because you told us your age group yourself, your reports are looked at first.");
        }
        return List.copyOf(lines);
    }
}
