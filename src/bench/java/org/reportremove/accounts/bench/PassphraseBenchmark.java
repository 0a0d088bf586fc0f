package org.reportremove.accounts.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reportremove.accounts.control.Passphrases;

import java.util.concurrent.TimeUnit;

/**
 * Milliseconds per Argon2id passphrase check at the service's parameters (19 MiB, 2 passes, 1 lane): the
 * cost of one sign-in, and of hashing a new passphrase.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class PassphraseBenchmark {

    private final Passphrases passphrases = new Passphrases();
    private String stored;

    @Setup
    public void hashOnce() {
        stored = passphrases.hash("seven purple kettles sing");
    }

    @Benchmark
    public boolean checkPassphrase() {
        return passphrases.matches("seven purple kettles sing", stored);
    }

    @Benchmark
    public String hashPassphrase() {
        return passphrases.hash("seven purple kettles sing");
    }
}
