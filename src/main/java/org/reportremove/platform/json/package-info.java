/**
 * JSON-P for code that builds or reads JSON documents itself (packages, bundles, imports).
 */
package org.reportremove.platform.json;
