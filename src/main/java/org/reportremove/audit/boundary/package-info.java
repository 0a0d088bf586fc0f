/**
 * Operator API of the audit trail: record an operational action, verify the chain.
 */
package org.reportremove.audit.boundary;
