/**
 * Who is calling and who acted: the caller from the verified access token, and the actor roles that the audit
 * trail and the domain events name.
 */
package org.reportremove.platform.security;
