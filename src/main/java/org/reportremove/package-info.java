/**
 * Report Remove companion service: young people report their own imagery by its hashes, never the
 * imagery itself, and follow its removal. One package per capability; shared plumbing in {@code platform}.
 */
package org.reportremove;
