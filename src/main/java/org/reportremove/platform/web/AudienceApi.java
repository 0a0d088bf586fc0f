package org.reportremove.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource class as part of one audience's API. A deployment switches an audience's API off with
 * {@code reportremove.api.<audience>.enabled=false}; its addresses then answer 404 as if they did not exist.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AudienceApi {

    /** The audience's role, for example {@link Roles#OPERATOR}. */
    String value();
}
