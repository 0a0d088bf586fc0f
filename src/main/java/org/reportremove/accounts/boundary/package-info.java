/**
 * The young person's account API: open an account, see what we hold, recover access, delete everything.
 */
package org.reportremove.accounts.boundary;
