/**
 * Refresh tokens (stored hashed) and used client assertion ids.
 */
package org.reportremove.auth.entity;
