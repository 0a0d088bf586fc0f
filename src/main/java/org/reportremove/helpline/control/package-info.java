/** A partner's consented cases and what it may see of them, its notes and messages, and the events queued for it. */
package org.reportremove.helpline.control;
