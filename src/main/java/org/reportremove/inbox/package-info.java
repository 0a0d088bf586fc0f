/**
 * The young person's inbox: a message when a case first reaches each milestone, a "we're still working on it"
 * when an open case has been quiet for a while, and (from the helpline) counsellors' messages. Texts are written
 * in the case's language when read; what is stored is the message's key, never its text. Outside the app, a
 * notification says only that there is a new message.
 */
package org.reportremove.inbox;
