package org.parley.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What {@code GET /api/metrics} reports, in Prometheus's text format (Micrometer). Meters are
 * labelled only by values from a small fixed set (who moved, a route's template, a status code),
 * never by a negotiation, a party or a path, so a scrape stays small however many tables there are.
 */
final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter humanMoves;
    private final Counter aiMoves;
    private final Counter storeErrors;
    private final Timer aiMoveTime;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    /** The request timers, by method, status and route (few: the routes are templates). */
    private final java.util.Map<String, Timer> requests = new java.util.concurrent.ConcurrentHashMap<>();

    ServerMetrics() {
        humanMoves = Counter.builder("parley.moves").description("Moves stored, by who made them")
                .tag("player", "human").register(registry);
        aiMoves = Counter.builder("parley.moves").description("Moves stored, by who made them")
                .tag("player", "ai").register(registry);
        storeErrors = Counter.builder("parley.store.errors")
                .description("Writes the record store refused (the moves were not acknowledged)").register(registry);
        aiMoveTime = Timer.builder("parley.ai.move").description("Time an AI diplomat took for one move")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Gauges read when scraped: negotiations running (in memory or not) and those in memory. */
    void negotiations(Supplier<Number> running, Supplier<Number> inMemory) {
        Gauge.builder("parley.negotiations.running", running).description("Negotiations running on this server")
                .register(registry);
        Gauge.builder("parley.negotiations.in.memory", inMemory)
                .description("Negotiations held in memory (running, or ended and recently seen)").register(registry);
    }

    void moves(boolean ai, int count) {
        (ai ? aiMoves : humanMoves).increment(count);
    }

    void aiMove(long nanos) {
        aiMoveTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void storeError() {
        storeErrors.increment();
    }

    /** One HTTP request: {@code route} is the matched route's template ({@code /api/negotiations/{id}/moves}). */
    void request(String method, String route, int status, long nanos) {
        // Found by a plain key: building the meter's id and looking it up in the registry on every
        // request (tags sorted, filters applied) cost more than the recording.
        requests.computeIfAbsent(method + ' ' + status + ' ' + route, k -> Timer.builder("parley.http.requests")
                .description("HTTP requests by route and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
