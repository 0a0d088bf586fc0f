/**
 * Age checks: proving a young person is under 18 without learning who they are. A provider's signed
 * attestation is verified here and only its outcome is kept; a young person without ID may self-declare.
 */
package org.reportremove.agecheck;
