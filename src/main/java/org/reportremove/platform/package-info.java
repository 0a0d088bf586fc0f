/**
 * Shared plumbing that every capability builds on: configuration, persistence, the HTTP edge and the one
 * error contract. Nothing here knows about cases or accounts.
 */
package org.reportremove.platform;
