/**
 * The one error contract: every failure becomes an RFC 9457 {@code application/problem+json} response with a
 * stable type, and nothing the caller sent is echoed back or logged.
 */
package org.reportremove.platform.problem;
