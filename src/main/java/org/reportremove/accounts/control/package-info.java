/**
 * Opening, signing in to, recovering and erasing accounts; passphrase hashing and rules.
 */
package org.reportremove.accounts.control;
