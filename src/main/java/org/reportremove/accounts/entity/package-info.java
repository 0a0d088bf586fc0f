/**
 * The account aggregate with its recovery codes, and the username value object.
 */
package org.reportremove.accounts.entity;
