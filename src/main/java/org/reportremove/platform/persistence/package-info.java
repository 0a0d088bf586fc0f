/**
 * The datasource (embedded H2 or PostgreSQL, chosen by URL) and the Flyway migrations applied at startup.
 */
package org.reportremove.platform.persistence;
