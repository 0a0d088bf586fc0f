/**
 * The transactional outbox: messages for other parties are written in the transaction of the change that causes
 * them, then claimed by workers (FOR UPDATE SKIP LOCKED and a lease), so several replicas never send one twice.
 */
package org.reportremove.platform.outbox;
