/** The counsellor API, for the helpline partners' systems (role {@code counsellor}), and how its failures are answered. */
package org.reportremove.helpline.boundary;
