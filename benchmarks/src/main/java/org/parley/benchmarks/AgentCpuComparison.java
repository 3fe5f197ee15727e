package org.parley.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyPlugins;
import org.parley.core.strategy.StrategyRegistry;

/**
 * Plugin against built-in, in CPU time rather than throughput: the same negotiations as
 * {@link AgentBenchmark} (SAO, 1,000 rounds, 10^4 outcomes, the measured party against the
 * built-in conceder), the measured party played by the built-in {@code boulware} or by
 * {@code plugin-boulware} (the same bidding and acceptance behind a plugin class found with
 * {@link java.util.ServiceLoader}). On a machine shared with other work, throughput follows the
 * share of the cores the run happens to get, so JMH's figures for two runs minutes apart differ by
 * far more than 10 %. The CPU time the negotiating thread itself spends does not depend on that
 * share; measuring it in alternating blocks (built-in, plugin, plugin, built-in, ...) also cancels
 * slow drifts such as the JIT's. Without a move time limit the whole negotiation runs in the
 * calling thread, so its CPU time is the negotiation's. With {@code --remote THREADS} it measures
 * instead the process's CPU time per move of a remote agent (see {@link #remote}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.parley.benchmarks.AgentCpuComparison [--blocks 40] [--per-block 200]
 * java -cp benchmarks/target/benchmarks.jar org.parley.benchmarks.AgentCpuComparison --remote 4
 * </pre>
 */
public final class AgentCpuComparison {

    private AgentCpuComparison() {}

    public static void main(String[] args) throws java.io.IOException {
        int blocks = 40;
        int perBlock = 200;
        int remoteThreads = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--blocks" -> blocks = Integer.parseInt(args[++i]);
                case "--per-block" -> perBlock = Integer.parseInt(args[++i]);
                case "--remote" -> remoteThreads = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i] + "); use --blocks N"
                        + " --per-block N, or --remote THREADS.");
            }
        }
        if (remoteThreads > 0) {
            remote(remoteThreads);
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("This JVM cannot measure a thread's CPU time.");
        }
        Scenario scenario = NegotiationBenchmark.scenario(42, 2, 4, 10);
        StrategyRegistry registry = new StrategyRegistry();
        StrategyPlugins.load(registry, List.of(), AgentCpuComparison.class.getClassLoader());
        BidSpaceCache cache = new BidSpaceCache();
        NegotiationSettings builtIn = settings("boulware");
        NegotiationSettings plugin = settings("plugin-boulware");
        // Warm-up: both paths compiled before anything is measured.
        for (int i = 0; i < 10 * perBlock; i++) {
            block(scenario, i % 2 == 0 ? builtIn : plugin, registry, cache, 1, threads);
        }
        double[] perMoveBuiltIn = new double[blocks];
        double[] perMovePlugin = new double[blocks];
        double[] ratios = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            // Built-in first in even blocks, the plugin first in odd ones: neither always runs first.
            boolean builtInFirst = b % 2 == 0;
            double first = block(scenario, builtInFirst ? builtIn : plugin, registry, cache, perBlock, threads);
            double second = block(scenario, builtInFirst ? plugin : builtIn, registry, cache, perBlock, threads);
            perMoveBuiltIn[b] = builtInFirst ? first : second;
            perMovePlugin[b] = builtInFirst ? second : first;
            ratios[b] = perMovePlugin[b] / perMoveBuiltIn[b];
        }
        System.out.printf("CPU time per move of the measured party's negotiation (ns; %d blocks of %d negotiations"
                + " each):%n", blocks, perBlock);
        System.out.printf("  built-in boulware  median %.0f  (quartiles %.0f–%.0f)%n", median(perMoveBuiltIn),
                quantile(perMoveBuiltIn, 0.25), quantile(perMoveBuiltIn, 0.75));
        System.out.printf("  plugin-boulware    median %.0f  (quartiles %.0f–%.0f)%n", median(perMovePlugin),
                quantile(perMovePlugin, 0.25), quantile(perMovePlugin, 0.75));
        // The median ratio with its distribution-free 95% interval (order statistics of the ratios
        // around rank n/2), since a block that a burst of other work slows shows as an outlier.
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        int low = Math.max(0, (int) Math.floor(blocks / 2.0 - 0.98 * Math.sqrt(blocks)) - 1);
        int high = Math.min(blocks - 1, (int) Math.ceil(blocks / 2.0 + 0.98 * Math.sqrt(blocks)) - 1);
        double geometric = Math.exp(Arrays.stream(ratios).map(Math::log).average().orElseThrow());
        System.out.printf("  plugin / built-in  median ratio %.3f (95%% interval %.3f–%.3f), geometric mean %.3f%n",
                median(ratios), sorted[low], sorted[high], geometric);
    }

    /**
     * The CPU time of the whole process (Parley's side and the loopback agent's, both here) per
     * move of a remote agent, with {@code threads} negotiations at once for 20 s after a 30 s
     * warm-up, and the wall-clock rate it reached: the CPU figure says how many moves per second
     * a free core could carry, whatever share of the cores this run got.
     */
    private static void remote(int threads) throws java.io.IOException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        Scenario scenario = NegotiationBenchmark.scenario(42, 2, 4, 10);
        StrategyRegistry registry = new StrategyRegistry();
        org.parley.io.remote.RemoteAgents.register(registry);
        BidSpaceCache cache = new BidSpaceCache();
        try (AgentBenchmark.LoopbackAgent agent = new AgentBenchmark.LoopbackAgent()) {
            NegotiationSettings settings = settings("remote:url=" + agent.url() + ",timeout=10s");
            java.util.concurrent.atomic.AtomicLong moves = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            List<Thread> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (!stop.get()) {
                        Negotiation negotiation = Negotiation.start(scenario, settings, registry, cache);
                        negotiation.run();
                        long mine = negotiation.session().events().stream().filter(e -> e.party().equals("p0")).count();
                        if (measuring.get()) {
                            moves.addAndGet(mine);
                        }
                    }
                });
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            sleep(30_000);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            measuring.set(true);
            sleep(20_000);
            measuring.set(false);
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            stop.set(true);
            for (Thread worker : workers) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long n = moves.get();
            System.out.printf("remote agent over loopback, %d negotiations at once: %d moves of the agent in %.1f s"
                    + " (%.0f moves/s), %.1f s of process CPU: %.0f µs of CPU per move, %.0f moves/s per core%n",
                    threads, n, wall / 1e9, n / (wall / 1e9), cpu / 1e9, cpu / 1e3 / n, n / (cpu / 1e9));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static NegotiationSettings settings(String measured) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("p0", StrategySpec.parse(measured));
        strategies.put("p1", StrategySpec.parse("conceder"));
        return new NegotiationSettings("sao", Deadline.rounds(1000), strategies, 7, (Duration) null);
    }

    /** Runs {@code count} negotiations; the thread's CPU nanoseconds per move of the measured party. */
    private static double block(Scenario scenario, NegotiationSettings settings, StrategyRegistry registry,
            BidSpaceCache cache, int count, ThreadMXBean threads) {
        long moves = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            Negotiation negotiation = Negotiation.start(scenario, settings, registry, cache);
            negotiation.run();
            for (Event event : negotiation.session().events()) {
                if (event.party().equals("p0")) {
                    moves++;
                }
            }
        }
        return (double) (threads.getCurrentThreadCpuTime() - start) / moves;
    }

    private static double median(double[] values) {
        return quantile(values, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
