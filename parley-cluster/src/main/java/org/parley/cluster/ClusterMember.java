package org.parley.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.parley.core.strategy.StrategyRegistry;

/**
 * This process as a member of a Hazelcast cluster (an embedded member: the cluster is the Parley
 * processes themselves, no server to install). Every member serves negotiations on its own
 * threads with its own strategy registry (its built-ins and plugins), and world runs; the member
 * that runs a tournament or a batch of worlds also hands them out ({@link ClusterMatchExecutor},
 * {@link ClusterWorldExecutor}).
 */
public final class ClusterMember implements AutoCloseable {

    /** The Hazelcast executor service the negotiations run on. */
    static final String EXECUTOR = "parley-negotiations";
    /** The member attribute that says how many negotiations it runs at once. */
    static final String THREADS = "parley.threads";
    /** The distributed map of tournaments under way: job id to what a member needs to play its negotiations. */
    static final String JOBS = "parley-jobs";

    private final HazelcastInstance instance;
    private final WorkerContext context;

    private ClusterMember(HazelcastInstance instance, WorkerContext context) {
        this.instance = instance;
        this.context = context;
    }

    /**
     * Starts a member that runs up to {@code threads} negotiations at once with the strategies of
     * {@code registry}, and joins (or forms) the cluster. When the members named do not include
     * this one and none of them answers within the settings' join timeout, the member is shut down
     * and a ClusterException says so.
     */
    public static ClusterMember start(ClusterSettings settings, StrategyRegistry registry, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("The thread count (" + threads + ") must be at least 1.");
        }
        quietLogging();
        Config config;
        try {
            config = settings.toConfig(threads);
        } catch (IllegalArgumentException e) {
            throw new ClusterException(e.getMessage(), e);
        }
        WorkerContext context = new WorkerContext(registry);
        ConcurrentHashMap<String, Object> user = new ConcurrentHashMap<>(config.getUserContext());
        user.put(WorkerContext.KEY, context);
        config.setUserContext(user);
        HazelcastInstance instance;
        try {
            instance = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new ClusterException("Cannot start a cluster member" + (settings.configFile() == null ? " on ports "
                    + settings.port() + "-" + (settings.port() + ClusterSettings.PORT_COUNT - 1)
                    : " from " + settings.configFile()) + ": " + e.getMessage(), e);
        }
        ClusterMember member = new ClusterMember(instance, context);
        try {
            member.awaitOthers(settings);
        } catch (RuntimeException e) {
            member.close();
            throw e;
        } catch (InterruptedException e) {
            member.close();
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while joining the cluster.", e);
        }
        return member;
    }

    /**
     * Hazelcast's log off unless {@code -Dhazelcast.logging.type} names one (jdk, log4j2, slf4j):
     * a system property, not the member's configuration, as Hazelcast's first lines (a warning
     * about module access, the banner) come before the configuration is read.
     */
    private static void quietLogging() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
    }

    /**
     * A member that names others but not itself is meant to join a cluster that already runs:
     * alone, it waits for one of them, then gives up with the addresses it tried. (One that names
     * itself may be the first of the cluster, and waits for nobody.)
     */
    private void awaitOthers(ClusterSettings settings) throws InterruptedException {
        if (settings.members().isEmpty() || namesItself(settings.members())) {
            return;
        }
        long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
        while (size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new ClusterException("No member of cluster " + instance.getConfig().getClusterName() + " at "
                        + settings.members().stream().map(ClusterSettings.Address::toString).toList() + " answered within "
                        + settings.joinTimeout().toSeconds() + " s: start one there first (parley worker --cluster ...),"
                        + " or check the addresses, the cluster name and the firewall.");
            }
            Thread.sleep(100);
        }
    }

    private boolean namesItself(List<ClusterSettings.Address> members) {
        InetSocketAddress local = instance.getCluster().getLocalMember().getSocketAddress();
        for (ClusterSettings.Address address : members) {
            if (address.port() != local.getPort()) {
                continue;
            }
            try {
                for (InetAddress candidate : InetAddress.getAllByName(address.host())) {
                    if (candidate.equals(local.getAddress())) {
                        return true;
                    }
                }
            } catch (UnknownHostException e) {
                // An unknown host is not this member.
            }
        }
        return false;
    }

    HazelcastInstance instance() {
        return instance;
    }

    WorkerContext context() {
        return context;
    }

    /** This member's address, {@code host:port}. */
    public String address() {
        return describe(instance.getCluster().getLocalMember());
    }

    /** The cluster's name. */
    public String clusterName() {
        return instance.getConfig().getClusterName();
    }

    /** The members' addresses, oldest first. */
    public List<String> members() {
        List<String> result = new ArrayList<>();
        for (Member m : instance.getCluster().getMembers()) {
            result.add(describe(m));
        }
        return result;
    }

    public int size() {
        return instance.getCluster().getMembers().size();
    }

    /** How many negotiations this member has played for any tournament. */
    public long played() {
        return context.played();
    }

    /** How many world runs this member has played for any batch of them. */
    public long worldRuns() {
        return context.worldRuns();
    }

    /** Calls {@code listener} with a line like "joined 10.0.0.3:5701" or "left 10.0.0.3:5701" at each change. */
    public void onMembershipChange(Consumer<String> listener) {
        instance.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                listener.accept("joined " + describe(event.getMember()));
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                listener.accept("left " + describe(event.getMember()));
            }
        });
    }

    static String describe(Member member) {
        InetSocketAddress address = member.getSocketAddress();
        return address.getHostString() + ":" + address.getPort();
    }

    /** Leaves the cluster and stops this member's threads; negotiations under way here are run again elsewhere. */
    @Override
    public void close() {
        try {
            instance.shutdown();
        } catch (RuntimeException e) {
            // Already down.
        }
    }
}
