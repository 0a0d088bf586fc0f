/**
 * The helpline partners' side: which cases a partner may follow up (the young person's consent, per partner),
 * ordered safeguarding first; what a counsellor may see of them; counsellor notes; messages both ways; age
 * confirmation; assisted recovery; and the events each consented partner is told through the outbox.
 */
package org.reportremove.helpline;
