package org.reportremove.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The application under test: the real web application as the build lays it out (every class, resource and
 * library of {@code src/main}), deployed at the root context like the runnable jar does.
 */
public final class TestDeployment {

    private TestDeployment() {
    }

    public static WebArchive application() {
        File webapp = new File(System.getProperty("reportremove.webapp.dir", "target/report-remove"));
        if (!new File(webapp, "WEB-INF/classes").isDirectory()) {
            throw new IllegalStateException("The exploded application is missing: run the tests through Maven");
        }
        return ShrinkWrap.create(ExplodedImporter.class, "ROOT.war").importDirectory(webapp).as(WebArchive.class);
    }
}
