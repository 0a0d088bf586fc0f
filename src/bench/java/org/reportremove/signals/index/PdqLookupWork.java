package org.reportremove.signals.index;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.reportremove.signals.index.bench.KnownSignalIndexBenchmark;

/**
 * Where a PDQ lookup spends its work, on one thread: per lookup at radius 31, the bucket probes, the non-empty
 * buckets, the candidates verified on all 256 bits, the candidates within the radius (an entry is met again in
 * every table whose probed buckets hold it) and the hits reported, for near queries (a bank hash with 0 to 31 bits
 * flipped) and random ones; then the CPU time per lookup and per dihedral query with the benchmark's query mix,
 * for each layout in turn, round after round, so that layouts are compared in the same run. Thread CPU time rather
 * than wall time, because the machine it runs on is shared (the wall times printed beside the counts are rough).
 *
 * <pre>
 * mvn -o -Pbenchmark -DskipTests test-compile
 * java -Xmx6g -XX:+UseTransparentHugePages -cp target/classes:target/test-classes:(jmh-core jar) \
 *     org.reportremove.signals.index.PdqLookupWork 10000000 clustered,uniform 3
 * </pre>
 * Arguments: bank size, data sets (comma-separated, "uniform" and/or "clustered"), timing rounds (default 3).
 * To compare a change of layout in the same run, build the old layout beside {@link PdqMultiIndex} under another
 * name in {@code Layout.build} and name both in {@code -Dlayouts} (a second index needs a second index's memory).
 */
public final class PdqLookupWork {

    private static final int RADIUS = 31;
    private static final int COUNTED = 1000;
    private static final int TIMED = 2000;
    private static final int TIMED_DIHEDRAL = 250;

    private PdqLookupWork() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        String[] dataSets = args.length > 1 ? args[1].split(",") : new String[] {"uniform", "clustered"};
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (String data : dataSets) {
            run(size, data, rounds);
        }
    }

    private static void run(int size, String data, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // The benchmark's seed and generators, so the figures describe the same bank.
        SplittableRandom random = new SplittableRandom(size * 31L + data.hashCode());
        long[] words = "clustered".equals(data)
                ? KnownSignalIndexBenchmark.clustered(random, size) : KnownSignalIndexBenchmark.uniform(random, size);
        long[][] near = new long[COUNTED][];
        long[][] far = new long[COUNTED][];
        for (int q = 0; q < COUNTED; q++) {
            near[q] = Queries.near(random, words, size, random.nextInt(32));
            far[q] = KnownSignalIndexBenchmark.uniform(random, 1);
        }
        long[][] mixed = new long[TIMED][];
        long[][] dihedral = new long[TIMED_DIHEDRAL][];
        for (int q = 0; q < TIMED; q++) {
            mixed[q] = KnownSignalIndexBenchmark.query(random, words);
        }
        for (int q = 0; q < TIMED_DIHEDRAL; q++) {
            dihedral[q] = new long[8 * 4];
            System.arraycopy(KnownSignalIndexBenchmark.query(random, words), 0, dihedral[q], 0, 4);
            System.arraycopy(KnownSignalIndexBenchmark.uniform(random, 7), 0, dihedral[q], 4, 7 * 4);
        }

        List<Layout> layouts = new ArrayList<>();
        List<Integer> firstAnswers = null;
        for (String name : LAYOUTS) {
            long cpu = threads.getCurrentThreadCpuTime();
            Layout layout = Layout.build(name, words, size);
            System.out.printf("%s %,d, %s: build %.1f s CPU, %.1f bytes per hash%n", data, size, name,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9, layout.estimatedBytes() / (double) size);
            List<Integer> answers = new ArrayList<>(printWork(layout, "near", near));
            answers.addAll(printWork(layout, "random", far));
            if (!layouts.isEmpty() && !answers.equals(firstAnswers)) {
                throw new IllegalStateException(name + " answers differently from " + layouts.get(0).name);
            }
            firstAnswers = answers;
            layouts.add(layout);
        }
        long[] found = new long[1];
        PdqMultiIndex.Hits hits = (id, distance) -> found[0] += distance;
        for (Layout layout : layouts) {
            for (int q = 0; q < 1000; q++) {
                layout.search(mixed[q], 0, hits);
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Layout layout : layouts) {
                long start = threads.getCurrentThreadCpuTime();
                for (long[] query : mixed) {
                    layout.search(query, 0, hits);
                }
                double lookup = (threads.getCurrentThreadCpuTime() - start) / (TIMED * 1e3);
                start = threads.getCurrentThreadCpuTime();
                for (long[] query : dihedral) {
                    layout.searchAll(query, hits);
                }
                double dihedralQuery = (threads.getCurrentThreadCpuTime() - start) / (TIMED_DIHEDRAL * 1e3);
                System.out.printf("  round %d %-9s: %4.0f us per lookup (%,5.0f per CPU-second), %5.0f us per"
                        + " dihedral query (%,4.0f per CPU-second)%n", round, layout.name, lookup, 1e6 / lookup,
                        dihedralQuery, 1e6 / dihedralQuery);
            }
        }
        System.out.println("  (distances summed over all runs " + found[0] + ")");
    }

    /** Prints the work per lookup; returns each query's hits as distances, ascending, to compare layouts by. */
    private static List<Integer> printWork(Layout layout, String kind, long[][] queries) {
        long[] work = new long[10];
        List<Integer> answers = new ArrayList<>();
        for (long[] query : queries) {
            List<Integer> distances = new ArrayList<>();
            layout.searchCounting(query, work, distances);
            distances.sort(null);
            answers.add(-1);
            answers.addAll(distances);
        }
        double n = queries.length;
        System.out.printf("  %-6s per lookup: %,.0f probes, %,.0f non-empty buckets, %,.0f candidates,"
                + " %,.1f within radius, %,.1f hits, %,.0f sketches compared (%,.0f kept); wall us in bounds %.0f, entries %.0f,"
                + " values %.0f%n", kind, work[0] / n, work[1] / n, work[2] / n, work[3] / n, work[4] / n, work[8] / n, work[9] / n,
                work[5] / n / 1e3, work[6] / n / 1e3, work[7] / n / 1e3);
        return answers;
    }

    /** The layouts compared, by name: "current" is {@link PdqMultiIndex}. */
    private static final List<String> LAYOUTS = List.of(System.getProperty("layouts", "current").split(","));

    /** One layout under measurement. */
    private abstract static class Layout {

        final String name;

        Layout(String name) {
            this.name = name;
        }

        static Layout build(String name, long[] words, int size) {
            PdqMultiIndex index = PdqMultiIndex.build(words, size, PdqIndex.DEFAULT_CHUNKS);
            return new Layout(name) {
                void search(long[] query, int offset, PdqMultiIndex.Hits hits) {
                    index.search(query, offset, RADIUS, hits);
                }

                void searchAll(long[] queries, PdqMultiIndex.Hits hits) {
                    for (int q = 0; q < queries.length; q += 4) {
                        index.search(queries, q, RADIUS, hits);
                    }
                }

                void searchCounting(long[] query, long[] work, List<Integer> distances) {
                    index.searchCounting(query, 0, RADIUS, (id, distance) -> distances.add(distance), work);
                }

                long estimatedBytes() {
                    return index.estimatedBytes();
                }
            };
        }

        abstract void search(long[] query, int offset, PdqMultiIndex.Hits hits);

        /** The 8 variants of a dihedral query. */
        abstract void searchAll(long[] queries, PdqMultiIndex.Hits hits);

        abstract void searchCounting(long[] query, long[] work, List<Integer> distances);

        abstract long estimatedBytes();
    }

    /** Near queries: a bank hash with some bits flipped. */
    private static final class Queries {

        static long[] near(SplittableRandom random, long[] words, int size, int flips) {
            int member = random.nextInt(size);
            long[] query = Arrays.copyOfRange(words, member * 4, member * 4 + 4);
            for (int i = 0; i < flips; i++) {
                int bit = random.nextInt(256);
                query[bit >>> 6] ^= 1L << (bit & 63);
            }
            return query;
        }
    }
}
