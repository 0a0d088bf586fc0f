/**
 * Case rules and services: validation of submissions, encryption of what young people write, idempotent
 * submission, advice, the packages queued for analysts and the helpline, erasure with the account.
 */
package org.reportremove.cases.control;
