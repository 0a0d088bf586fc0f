/**
 * Writing audit entries, sealing them into the hash chain and verifying the chain (also as a command).
 */
package org.reportremove.audit.control;
