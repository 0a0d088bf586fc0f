/** The helpline's own records (counsellor notes) and the vocabulary of its cases: safeguarding flags, event types. */
package org.reportremove.helpline.entity;
