package org.parley.cluster;

import java.time.Duration;
import org.parley.core.strategy.StrategyRegistry;

/**
 * A cluster member in a process of its own, for the tests that kill one: started with the tests'
 * class path, it prints its address once it has joined and lives until its standard input closes
 * (the test ending) or it is killed.
 */
public final class WorkerProcess {

    private WorkerProcess() {}

    public static void main(String[] args) throws Exception {
        ClusterSettings settings = ClusterSettings.of(args[1]).withName(args[0]).withPort(Integer.parseInt(args[2]))
                .withJoinTimeout(Duration.ofSeconds(60));
        try (ClusterMember member = ClusterMember.start(settings, new StrategyRegistry(), Integer.parseInt(args[3]))) {
            System.out.println("member " + member.address());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the end of the input.
            }
        }
        System.exit(0);
    }
}
