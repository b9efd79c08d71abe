package io.github.connectedcar.netty;

import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Ford's cloud on a MockWebServer, routed by path as {@code Endpoints.allAt(server)} lays it out: the B2C token
 * endpoint, CAT mint and refresh, the TMC exchange, the vehicle list (207) and telemetry per VIN from core's
 * fixtures. Tests queue faults per route ({@link #fail}); each route then answers normally again. Every token is
 * issued with an unmistakable secret value, remembered in {@link #secrets()}.
 */
final class FordCloudDispatcher extends Dispatcher {

    enum Route { B2C_TOKEN, CAT_MINT, CAT_REFRESH, TMC_EXCHANGE, VEHICLES, TELEMETRY, OTHER }

    private final Map<Route, Queue<MockResponse>> faults = new ConcurrentHashMap<>();
    private final Map<Route, List<Long>> arrivals = new ConcurrentHashMap<>();
    private final Map<Route, List<RecordedRequest>> requests = new ConcurrentHashMap<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger generation = new AtomicInteger();
    private final String dashboard = FixtureFiles.text(FixtureFiles.DASHBOARD);
    private final String f150 = FixtureFiles.text(FixtureFiles.F150);
    private final String machE = FixtureFiles.text(FixtureFiles.MACH_E);

    /** Answers the next request of the route with this response instead of the normal one. */
    FordCloudDispatcher fail(Route route, MockResponse response) {
        faults.computeIfAbsent(route, r -> new ConcurrentLinkedQueue<>()).add(response);
        return this;
    }

    int count(Route route) {
        return requests(route).size();
    }

    List<RecordedRequest> requests(Route route) {
        return new ArrayList<>(requests.getOrDefault(route, List.of()));
    }

    /** When each request of the route arrived ({@link System#nanoTime()}). */
    List<Long> arrivals(Route route) {
        return new ArrayList<>(arrivals.getOrDefault(route, List.of()));
    }

    /** Every token this server issued. */
    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Route route = route(request);
        arrivals.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        requests.computeIfAbsent(route, r -> new CopyOnWriteArrayList<>()).add(request);
        Queue<MockResponse> queued = faults.get(route);
        MockResponse fault = queued == null ? null : queued.poll();
        return fault != null ? fault : answer(route, request);
    }

    static Route route(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.endsWith("/oauth2/v2.0/token")) {
            return Route.B2C_TOKEN;
        }
        return switch (path) {
            case "/api/token/v2/cat-with-b2c-access-token" -> Route.CAT_MINT;
            case "/api/token/v2/cat-with-refresh-token" -> Route.CAT_REFRESH;
            case "/v1/auth/oidc/token" -> Route.TMC_EXCHANGE;
            case "/api/expdashboard/v1/details/" -> Route.VEHICLES;
            default -> path.startsWith("/v1/telemetry/sources/fordpass/vehicles/") ? Route.TELEMETRY : Route.OTHER;
        };
    }

    private MockResponse answer(Route route, RecordedRequest request) {
        return switch (route) {
            case B2C_TOKEN -> request.getBody() != null
                && request.getBody().utf8().contains("code=" + io.github.connectedcar.testing.FakeFordAuth.CODE)
                ? json(200, "{\"access_token\":\"" + secret("b2c-access") + "\",\"id_token\":\"" + secret("b2c-id")
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}")
                : json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADB2C90080: expired\"}");
            case CAT_MINT, CAT_REFRESH -> json(200, "{\"access_token\":\"" + secret("cat")
                + "\",\"expires_in\":1800,\"refresh_token\":\"" + secret("refresh")
                + "\",\"refresh_expires_in\":15552000}");
            case TMC_EXCHANGE -> json(200, "{\"access_token\":\"" + secret("tmc")
                + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
            case VEHICLES -> json(207, dashboard);
            case TELEMETRY -> {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/" + TestClients.F150_VIN)) {
                    yield json(200, f150);
                }
                yield path.endsWith("/" + TestClients.MACH_E_VIN) ? json(200, machE)
                    : json(404, "{\"code\":\"NOT_FOUND\",\"message\":\"vehicle not found\",\"referenceId\":\"r-1\"}");
            }
            case OTHER -> json(404, "{\"message\":\"no such path\"}");
        };
    }

    private String secret(String kind) {
        String value = "SeCrEt-" + kind + "-" + generation.incrementAndGet() + "-c0ffee";
        secrets.add(value);
        return value;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
