/**
 * The young people's case API: submit a case (idempotently), read own cases, add items, withdraw.
 */
package org.reportremove.cases.boundary;
