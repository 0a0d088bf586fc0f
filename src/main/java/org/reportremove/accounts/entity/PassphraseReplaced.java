package org.reportremove.accounts.entity;

import org.reportremove.platform.security.Actor;

/**
 * An account's passphrase was replaced: every session started before it must end.
 *
 * @param way   how: with one of the account's recovery codes, or with a counsellor's help
 * @param actor who replaced it: the young person, or the counsellor who helped
 */
public record PassphraseReplaced(AccountId accountId, Way way, Actor actor) {

    /** How the passphrase was replaced. */
    public enum Way {
        RECOVERY_CODE,
        COUNSELLOR_ASSISTED
    }
}
