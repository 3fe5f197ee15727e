package org.parley.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.cluster.ClusterMember;
import org.parley.cluster.ClusterSettings;
import org.parley.core.strategy.StrategyRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A cluster member that only serves work, for tournaments and batches of worlds started elsewhere with --cluster. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = {
        "Join a cluster (or start one) and play the negotiations of the tournaments and the world runs of the"
                + " batches of worlds that members started with --cluster, until stopped with Ctrl-C (docs/cluster.md)."
                + " Only scenarios, world files and strategy names travel: plugin strategies need their jars here too"
                + " (--agents)."})
final class WorkerCommand implements Callable<Integer> {

    /** Without --cluster: this machine's cluster, for a try on one machine. */
    static final String LOCAL = "127.0.0.1:" + ClusterSettings.DEFAULT_PORT;

    @Option(names = "--threads", paramLabel = "T", description = "Negotiations (or world runs) played at once (default:"
            + " the machine's cores).")
    Integer threads;

    @Mixin
    ClusterOption cluster;

    @Mixin
    AgentsOption agents;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new UserException("--threads (" + threadCount + "): expected at least 1.");
        }
        ClusterSettings settings = cluster.settings(LOCAL);
        StrategyRegistry registry = agents.registry();
        ClusterMember member = ClusterOption.start(settings, registry, threadCount);
        CountDownLatch stopped = new CountDownLatch(1);
        String address = member.address();
        Thread hook = new Thread(() -> {
            member.close();
            long worlds = member.worldRuns();
            err.printf("%nworker %s left the cluster after playing %d negotiations%s%n", address, member.played(),
                    worlds == 0 ? "" : " and " + worlds + (worlds == 1 ? " world run" : " world runs"));
            err.flush();
            stopped.countDown();
        }, "parley-worker-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        member.onMembershipChange(change -> {
            err.printf("member %s; cluster %s now has %d members%n", change, member.clusterName(), member.size());
            err.flush();
        });
        err.printf("worker %s in cluster %s, %d members (%s), %d %s; serving negotiations and world runs until Ctrl-C%n",
                address, member.clusterName(), member.size(), String.join(", ", member.members()), threadCount,
                threadCount == 1 ? "thread" : "threads");
        err.flush();
        stopped.await();
        return 0;
    }
}
