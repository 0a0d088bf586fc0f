/**
 * What the analyst side tells us about a case: {@link org.reportremove.analysts.entity.Assessment}s per item,
 * {@link org.reportremove.analysts.entity.RemovalAction}s as they happen, and the {@link
 * org.reportremove.analysts.entity.Progress} the young person sees, derived from both.
 */
package org.reportremove.analysts.entity;
