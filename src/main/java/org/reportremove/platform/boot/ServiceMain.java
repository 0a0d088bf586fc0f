package org.reportremove.platform.boot;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main class of {@code report-remove-microbundle.jar}. Payara Micro's own main class logs a boot that failed
 * (a port that cannot be bound, a broken domain configuration) and returns, so the process ends with status 0 and
 * a supervisor takes the failure for a clean stop. This checks first that the HTTP port can be bound, then runs
 * Payara Micro's launcher the same way and ends the
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
        // The HTTP listener opens only after the application is deployed (pre-boot-commands.txt), when a port in use
        // would no longer stop the boot: find out first. (Another process could still take the port in the
        // moment between; the liveness probe then fails and the supervisor restarts the service.)
        if (!portFree(System.getProperty("reportremove.bind.address", "127.0.0.1"), port(args))) {
            LOG.log(Level.SEVERE, "event=startup.failed reason=port-in-use");
            System.exit(BOOT_FAILED);
        }
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

    /** The port Payara Micro will listen on: {@code --port N}, else its boot property, else its default. */
    static int port(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                return parsePort(args[i + 1]);
            }
        }
        return parsePort(System.getProperty("payaramicro.port", "8080"));
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the port can be bound now; an unusable number is left to Payara Micro to refuse. */
    static boolean portFree(String address, int port) {
        if (port <= 0 || port > 65_535) {
            return true;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(address), port));
            return true;
        } catch (IOException e) {
            return false;
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
