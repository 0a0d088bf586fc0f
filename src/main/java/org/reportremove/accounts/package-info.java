/**
 * Young people's pseudonymous accounts: a username and a passphrase, an age assurance, recovery codes, and
 * the right to see what we hold and to erase it.
 */
package org.reportremove.accounts;
