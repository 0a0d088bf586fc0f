/**
 * The HTTP edge: the JAX-RS application, request ids and request logging, security headers and CORS, the body
 * limit, and the door that refuses imagery before any of it is read.
 */
package org.reportremove.platform.web;
