/**
 * MicroProfile Health checks: liveness (the process only) and readiness (database reachable, migrations done).
 */
package org.reportremove.platform.health;
