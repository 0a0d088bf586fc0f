package org.reportremove.platform.boot;

import java.lang.reflect.InvocationTargetException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main class of {@code report-remove-microbundle.jar}. Payara Micro's own main class logs a boot that failed
 * (a port that cannot be bound, a broken domain configuration) and returns, so the process ends with status 0 and
 * a supervisor takes the failure for a clean stop. This runs Payara Micro's launcher the same way and ends the
 * process with {@value #BOOT_FAILED} when the boot fails. Failures after the boot, while the application starts,
 * stop the process from inside the application (production refusal, database checks).
 */
public final class ServiceMain {

    /** Exit status when Payara Micro could not boot: a port in use, say (EX_OSERR in sysexits.h). */
    static final int BOOT_FAILED = 71;
    private static final String LAUNCHER = "fish.payara.micro.boot.PayaraMicroLauncher";
    private static final Logger LOG = Logger.getLogger(ServiceMain.class.getName());

    private ServiceMain() {
    }

    public static void main(String[] args) {
        try {
            Class.forName(LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            // Payara Micro has logged the cause with its stack trace already; name only the innermost type here.
            LOG.log(Level.SEVERE, "event=startup.failed reason={0}", innermost(e).getClass().getName());
            System.exit(BOOT_FAILED);
        } catch (ReflectiveOperationException e) {
            LOG.log(Level.SEVERE, "event=startup.failed reason=no-payara-micro-launcher");
            System.exit(BOOT_FAILED);
        }
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
