/**
 * Rate limits shared by every replica (Bucket4j buckets in PostgreSQL): attempts at secrets per subject and per
 * client address, and account openings per address.
 */
package org.reportremove.platform.ratelimit;
