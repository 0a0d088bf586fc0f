/**
 * The tamper-evident audit trail: who did what to which object and when, never content. Rows are inserted
 * freely and sealed into a hash chain shortly after; a verifier reports the first broken link.
 */
package org.reportremove.audit;
