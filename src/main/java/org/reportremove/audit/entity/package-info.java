/**
 * The audit entry and the roles of the actors it names.
 */
package org.reportremove.audit.entity;
