package org.reportremove.cases.control;

import org.reportremove.cases.entity.Progress;

/**
 * Where a case's progress comes from. Cases do not know who hears back about them: the capability that does (the
 * analyst exchange) provides this, so the dependency runs from it to cases and never back.
 */
public interface ProgressSource {

    /** The case's progress: {@link Progress#RECEIVED} until anything is heard. */
    Progress of(String caseId);
}
