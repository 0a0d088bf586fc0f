/** {@code /api/v1/inbox}: a young person's own messages, newest first. */
package org.reportremove.inbox.boundary;
