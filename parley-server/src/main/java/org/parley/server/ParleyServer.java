package org.parley.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
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

    private final Javalin app;
    private final OpenTables tables;

    private ParleyServer(Javalin app, OpenTables tables) {
        this.app = app;
        this.tables = tables;
    }

    /**
     * Starts serving on {@code host}:{@code port} (port 0 picks a free one). The store stays the
     * caller's to close, after the server.
     */
    public static ParleyServer start(String host, int port, RecordStore store) {
        return start(host, port, store, new StrategyRegistry());
    }

    /**
     * Starts serving with the AI diplomats of {@code strategies}: the built-ins and whatever was
     * added to it (plugins, remote agents).
     */
    public static ParleyServer start(String host, int port, RecordStore store, StrategyRegistry strategies) {
        OpenTables tables = new OpenTables(store, new Engines(strategies), BuiltInScenarios.load());
        Api api = new Api(tables);
        String index = page("web/index.html");
        String negotiation = page("web/negotiation.html");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 2L * 1024 * 1024;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
            });
            // The path only: a query string can hold a party's token.
            config.requestLogger.http((ctx, millis) -> LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(),
                    ctx.statusCode(), Math.round(millis)));
            config.routes.before(ctx -> headers(ctx));
            config.routes.get("/", ctx -> html(ctx, index));
            config.routes.get("/n/{id}", ctx -> html(ctx, negotiation));
            config.routes.get("/api/health", ctx -> {
                ObjectNode node = Views.MAPPER.createObjectNode();
                node.put("status", "ok");
                node.put("negotiationsInMemory", tables.loaded());
                Api.json(ctx, 200, node);
            });
            config.routes.get("/api/scenarios", api::scenarios);
            config.routes.post("/api/scenarios/check", api::checkScenario);
            config.routes.get("/api/scenarios/{name}", api::scenario);
            config.routes.get("/api/strategies", api::strategies);
            config.routes.get("/api/protocols", api::protocols);
            config.routes.post("/api/negotiations", api::create);
            config.routes.get("/api/negotiations/{id}", api::view);
            config.routes.post("/api/negotiations/{id}/score", api::score);
            config.routes.post("/api/negotiations/{id}/moves", api::move);
            config.routes.before("/api/negotiations/{id}/events", api::authorizeStream);
            config.routes.sse("/api/negotiations/{id}/events", api::stream);
            config.routes.get("/api/negotiations/{id}/plot", api::plot);
            config.routes.get("/api/negotiations/{id}/plot.svg", api::plotSvg);
            config.routes.get("/api/negotiations/{id}/record", api::record);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
            config.routes.exception(InvalidMoveException.class, (e, ctx) -> error(ctx, 409, null, e.getMessage()));
            config.routes.exception(Table.StorageException.class, (e, ctx) -> error(ctx, 503, null, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, null, "Internal error (" + e.getClass().getSimpleName() + "); the negotiation is"
                        + " unchanged unless a move was acknowledged.");
            });
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                if (ctx.path().startsWith("/api/") && (type == null || !type.startsWith("application/json"))) {
                    error(ctx, 404, null, "No such API endpoint (" + ctx.method() + " " + ctx.path() + "); see"
                            + " docs/api.md.");
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, null, "The method " + ctx.method() + " is not allowed on "
                    + ctx.path() + "."));
        });
        app.start(host, port);
        LOG.info("serving on {}:{}, records in {}", host, app.port(), store.location());
        return new ParleyServer(app, tables);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        tables.close();
        app.stop();
    }

    private static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.result(page);
    }

    static void error(Context ctx, int status, String field, String message) {
        ObjectNode body = Views.MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("status", status);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        Api.json(ctx, status, body);
    }

    private static String page(String resource) {
        try (InputStream in = ParleyServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
