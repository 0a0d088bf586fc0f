/** Writes messages once, pages and marks them, reminds quiet cases, queues content-free notifications. */
package org.reportremove.inbox.control;
