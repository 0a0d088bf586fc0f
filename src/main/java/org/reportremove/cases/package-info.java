/**
 * Cases: a young person's confidential, hash-only report of images or videos of themselves, from submission to
 * withdrawal, and what is queued for the analysts and the helpline.
 */
package org.reportremove.cases;
