/** Inbox messages and the rule for when a quiet case is reminded. */
package org.reportremove.inbox.entity;
