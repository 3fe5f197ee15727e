package org.parley.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.parley.core.negotiation.InvalidMoveException;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.store.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parley serve}: the JSON API under {@code /api/}, live updates by server-sent events, and
 * the web UI, over one record store. Start with {@link #start}, stop with {@link #close}.
 *
 * <p>Logs through SLF4J (slf4j-simple, configured in {@code simplelogger.properties}: warnings and
 * errors only, on standard error): internal errors always, and with {@code parley serve --verbose}
 * each request (method, path without its query, status, time) along with Jetty's, Flyway's and
 * the connection pool's own information.
 */
public final class ParleyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);
    static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024;

    private final Javalin app;
    private final OpenTables tables;
    private final ServerMetrics metrics;
    private final Worlds worlds;

    private ParleyServer(Javalin app, OpenTables tables, ServerMetrics metrics, Worlds worlds) {
        this.worlds = worlds;
        this.app = app;
        this.tables = tables;
        this.metrics = metrics;
    }

    /**
     * Starts serving on {@code host}:{@code port} (port 0 picks a free one). The store stays the
     * caller's to close, after the server.
     */
    public static ParleyServer start(String host, int port, RecordStore store) {
        return start(host, port, store, ServerOptions.defaults(), new StrategyRegistry());
    }

    /**
     * Starts serving with the AI diplomats of {@code strategies}: the built-ins and whatever was
     * added to it (plugins, remote agents).
     */
    public static ParleyServer start(String host, int port, RecordStore store, StrategyRegistry strategies) {
        return start(host, port, store, ServerOptions.defaults(), strategies);
    }

    /** Starts serving with the given options (organizer keys, limits, AI workers) and the built-in strategies. */
    public static ParleyServer start(String host, int port, RecordStore store, ServerOptions options) {
        return start(host, port, store, options, new StrategyRegistry());
    }

    /** Starts serving with the given options (organizer keys, limits, AI workers) and strategies. */
    public static ParleyServer start(String host, int port, RecordStore store, ServerOptions options,
            StrategyRegistry strategies) {
        return start(host, port, store, options, new Engines(strategies));
    }

    static ParleyServer start(String host, int port, RecordStore store, ServerOptions options, Engines engines) {
        if (options.organizerKeys().isEmpty() && !loopback(host)) {
            throw new IllegalArgumentException("Serving on " + host + " (not this machine only) needs an organizer key,"
                    + " so that not everyone who reaches the port can set up negotiations.");
        }
        ServerMetrics metrics = new ServerMetrics();
        OpenTables tables = new OpenTables(store, engines, BuiltInScenarios.load(), metrics, options);
        Api api = new Api(tables);
        ClassApi classes = new ClassApi(tables);
        Worlds worlds = new Worlds(tables, new WorldFiles(tables.builtIns()), options.evictIdle());
        WorldApi worldApi = new WorldApi(tables, worlds);
        String index = page("web/index.html");
        String negotiation = page("web/negotiation.html");
        String organizer = page("web/organizer.html");
        String classSetup = page("web/class-setup.html");
        String dashboard = page("web/class.html");
        String join = page("web/join.html");
        String world = page("web/world.html");
        byte[] favicon = resource("web/favicon.ico");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
            });
            // The path only: a query string can hold a party's token. Server errors are warnings, so
            // they are logged even when the log is quiet; everything else is information.
            config.requestLogger.http((ctx, millis) -> {
                int status = ctx.statusCode();
                if (status >= 500) {
                    LOG.warn("{} {} {} {} ms", ctx.method(), ctx.path(), status, Math.round(millis));
                } else {
                    LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), status, Math.round(millis));
                }
                metrics.request(ctx.method().name(), route(ctx), status, (long) (millis * 1e6));
            });
            config.routes.before(ctx -> headers(ctx));
            config.routes.get("/", ctx -> html(ctx, index));
            config.routes.get("/n/{id}", ctx -> html(ctx, negotiation));
            // Browsers ask for /favicon.ico whatever the page says; the pages link the SVG.
            config.routes.get("/favicon.ico", ctx -> {
                ctx.contentType("image/x-icon");
                ctx.header("Cache-Control", "max-age=86400");
                ctx.result(favicon);
            });
            config.routes.get("/api/health", ctx -> {
                ObjectNode node = Views.MAPPER.createObjectNode();
                node.put("status", "ok");
                node.put("negotiationsInMemory", tables.loaded());
                node.put("negotiationsRunning", tables.running());
                node.put("organizerKeyRequired", tables.organizers().required());
                Api.json(ctx, 200, node);
            });
            config.routes.get("/api/metrics", ctx -> {
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
                ctx.result(metrics.scrape());
            });
            config.routes.get("/api/scenarios", api::scenarios);
            config.routes.post("/api/scenarios/check", api::checkScenario);
            config.routes.get("/api/scenarios/{name}", api::scenario);
            config.routes.get("/api/strategies", api::strategies);
            config.routes.get("/api/protocols", api::protocols);
            config.routes.post("/api/negotiations", api::create);
            config.routes.get("/api/organizer/negotiations", api::organized);
            config.routes.post("/api/organizer/negotiations/{id}/end", api::end);
            config.routes.get("/organizer", ctx -> html(ctx, organizer));
            config.routes.get("/api/negotiations/{id}", api::view);
            config.routes.post("/api/negotiations/{id}/score", api::score);
            config.routes.post("/api/negotiations/{id}/moves", api::move);
            config.routes.before("/api/negotiations/{id}/events", api::authorizeStream);
            config.routes.sse("/api/negotiations/{id}/events", api::stream);
            config.routes.get("/api/negotiations/{id}/plot", api::plot);
            config.routes.get("/api/negotiations/{id}/plot.svg", api::plotSvg);
            config.routes.get("/api/negotiations/{id}/record", api::record);
            // Class sessions: set up a class, follow it on the dashboard, join by code.
            config.routes.get("/class", ctx -> html(ctx, classSetup));
            config.routes.get("/class/{id}", ctx -> html(ctx, dashboard));
            config.routes.get("/join", ctx -> html(ctx, join));
            config.routes.post("/api/classes", classes::create);
            config.routes.get("/api/classes/{id}", classes::view);
            config.routes.get("/api/classes/{id}/plot", classes::plot);
            config.routes.get("/api/classes/{id}/results.csv", classes::resultsCsv);
            config.routes.get("/api/classes/{id}/codes.csv", classes::seatsCsv);
            config.routes.get("/api/classes/{id}/slips.{format}", classes::slips);
            config.routes.get("/api/classes/{id}/handouts/{party}.{format}", classes::handout);
            config.routes.post("/api/classes/{id}/end", classes::end);
            config.routes.post("/api/classes/{id}/tables/{number}/end", classes::end);
            config.routes.post("/api/join", classes::join);
            // Worlds of repeated negotiations, one power played by a person.
            config.routes.get("/w", ctx -> html(ctx, world));
            config.routes.get("/w/{id}", ctx -> html(ctx, world));
            config.routes.get("/api/worlds", worldApi::list);
            config.routes.post("/api/worlds", worldApi::start);
            config.routes.post("/api/worlds/check", worldApi::check);
            config.routes.get("/api/worlds/{id}", worldApi::view);
            config.routes.post("/api/worlds/{id}/decision", worldApi::decide);
            config.routes.get("/api/organizer/classes", classes::organized);
            config.routes.exception(ApiException.class, (e, ctx) -> {
                if (e.retryAfter() > 0) {
                    ctx.header("Retry-After", Long.toString(e.retryAfter()));
                }
                error(ctx, e.status(), e.field(), e.getMessage());
            });
            // Javalin's own refusals (a body over the size limit, a bad request line) in the API's shape.
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), null,
                    switch (e.getStatus()) {
                        case 404 -> notFound(ctx);
                        case 405 -> "The method " + ctx.method() + " is not allowed on " + ctx.path() + ".";
                        case 413 -> "The request body is larger than " + (MAX_REQUEST_BYTES >> 20)
                                + " MiB; a scenario may be at most " + (Api.MAX_SCENARIO_CHARS >> 10) + " KiB.";
                        default -> e.getMessage();
                    }));
            config.routes.exception(InvalidMoveException.class, (e, ctx) -> error(ctx, 409, null, e.getMessage()));
            config.routes.exception(Table.StorageException.class, (e, ctx) -> error(ctx, 503, null, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, null, "Internal error (" + e.getClass().getSimpleName() + "); the negotiation is"
                        + " unchanged unless a move was acknowledged.");
            });
            // An Error (a stack overflow in a reader, say) is out of reach of the handlers above.
            config.router.javaLangErrorHandler((res, error) -> {
                LOG.error("internal error", error);
                rawError(res, 500, "Internal error (" + error.getClass().getSimpleName() + "); the negotiation is"
                        + " unchanged unless a move was acknowledged.");
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    error(ctx, 404, null, notFound(ctx));
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, null, "The method " + ctx.method() + " is not allowed on "
                    + ctx.path() + "."));
        });
        app.start(host, port);
        LOG.info("serving on {}:{}, records in {}", host, app.port(), store.location());
        return new ParleyServer(app, tables, metrics, worlds);
    }

    /** Whether {@code host} is this machine only (127.0.0.1, ::1, localhost). */
    public static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    /** How many worlds played in the browser are in memory now (the others are in the store only). */
    int worldsInMemory() {
        return worlds.loaded();
    }

    @Override
    public void close() {
        worlds.close();
        tables.close();
        app.stop();
        metrics.close();
    }

    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        // The event stream sets its own (no-cache); one Cache-Control header, not two.
        if (ctx.path().startsWith("/api/") && !ctx.path().endsWith("/events")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** The matched route's template, or {@code other} (static files, unknown paths): a label of few values. */
    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "other" : endpoint.path;
        } catch (RuntimeException e) {
            return "other";
        }
    }

    private static String notFound(Context ctx) {
        return ctx.path().startsWith("/api/")
                ? "No such API endpoint (" + ctx.method() + " " + ctx.path() + "); see docs/api.md."
                : "No such page (" + ctx.path() + ").";
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(page);
    }

    static void error(Context ctx, int status, String field, String message) {
        Api.json(ctx, status, errorBody(status, field, message));
    }

    /** The one error shape: {"error": {"status", "field", "message"}}, the input it quotes cut short. */
    static ObjectNode errorBody(int status, String field, String message) {
        ObjectNode body = Views.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("status", status);
        if (field != null) {
            error.put("field", Messages.field(field));
        }
        error.put("message", Messages.shorten(message));
        return body;
    }

    private static void rawError(HttpServletResponse res, int status, String message) {
        try {
            res.setStatus(status);
            res.setContentType("application/json; charset=utf-8");
            res.getOutputStream().write(Views.json(errorBody(status, null, message)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | IllegalStateException e) {
            LOG.warn("could not send the error: {}", e.toString());
        }
    }

    private static String page(String resource) {
        return new String(resource(resource), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String resource) {
        try (InputStream in = ParleyServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
