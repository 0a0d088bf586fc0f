/**
 * The cost of a passphrase check, which bounds how many sign-ins a node serves. See docs/performance.md.
 */
package org.reportremove.accounts.bench;
