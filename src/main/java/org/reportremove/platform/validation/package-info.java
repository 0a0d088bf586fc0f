/**
 * Bean Validation constraints shared by the request records of every audience.
 */
package org.reportremove.platform.validation;
