/**
 * Load on the audit trail: writers inserting entries while the sealer chains them. Run by the benchmark
 * profile, never by the tests; see docs/performance.md.
 */
package org.reportremove.audit.bench;
