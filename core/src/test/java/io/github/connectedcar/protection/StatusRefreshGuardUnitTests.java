package io.github.connectedcar.protection;

import io.github.connectedcar.command.CommandOptions;
import io.github.connectedcar.command.CommandResult;
import static io.github.connectedcar.testing.FakeCommandCloud.F150;
import static io.github.connectedcar.testing.FakeCommandCloud.MACH_E;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.ConnectedCarAsyncClient;
import io.github.connectedcar.exception.RateLimitedException;
import io.github.connectedcar.exception.RefreshTooSoonException;
import io.github.connectedcar.exception.ServiceException;
import io.github.connectedcar.testing.FakeCommandCloud;
import io.github.connectedcar.testing.FakeCommandCloudExtension;
import io.github.connectedcar.testing.InMemoryTransport;
import io.github.connectedcar.testing.VirtualTimeExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** At most one status refresh per car per 15 minutes by the client's clock (each drains the 12 V battery). */
@Tag("unit")
@ExtendWith({VirtualTimeExtension.class, FakeCommandCloudExtension.class})
class StatusRefreshGuardUnitTests {
    private static final Duration VERIFY = Duration.ofSeconds(5);

    private final VirtualTimeScheduler time;
    private final FakeCommandCloud cloud;
    private final ConnectedCarAsyncClient client;

    StatusRefreshGuardUnitTests(VirtualTimeScheduler time, FakeCommandCloud cloud, ConnectedCarAsyncClient client) {
        this.time = time;
        this.cloud = cloud.steps("SUCCESS");
        this.client = client;
    }

    private Mono<CommandResult> refresh(String vin) {
        return client.vehicle(vin).refreshStatus().result();
    }

    @Test
    void secondRefreshWithinFifteenMinutesIsRefusedSayingWhenTheNextIsAllowedThenAllowedAfter() {
        AtomicReference<Throwable> refused = new AtomicReference<>();

        StepVerifier.withVirtualTime(() -> refresh(F150)
                // The first is sent at 0 s and succeeds at its first check, 65 s; the second is tried 10 minutes later,
                // at 665 s...
                .then(refresh(F150).delaySubscription(Duration.ofMinutes(10))
                    .doOnError(refused::set).onErrorResume(RefreshTooSoonException.class, e -> Mono.empty()))
                .doOnSuccess(ignored -> assertThat(cloud.commandPosts()).as("refused, nothing sent").hasSize(1))
                // ...and the third 5 minutes after that, at 965 s: allowed.
                .then(refresh(F150).delaySubscription(Duration.ofMinutes(5))), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(18))
            .expectNextMatches(result -> result.commandType().equals("statusRefresh"))
            .expectComplete()
            .verify(VERIFY);

        assertThat(refused.get()).isInstanceOf(RefreshTooSoonException.class).isInstanceOf(RateLimitedException.class)
            .hasMessageContaining(F150).hasMessageContaining("12 V battery")
            .hasMessageContaining("1970-01-01T00:15:00Z").hasMessageContaining("in 4 min");
        RefreshTooSoonException tooSoon = (RefreshTooSoonException) refused.get();
        assertThat(tooSoon.getNextAllowedAt()).isEqualTo(Instant.parse("1970-01-01T00:15:00Z"));
        assertThat(tooSoon.getRetryAfter()).isEqualTo(Duration.ofSeconds(235));
        assertThat(tooSoon.getVin()).isEqualTo(F150);
        assertThat(cloud.commandPosts()).hasSize(2);
    }

    @Test
    void eachCarHasItsOwnRefreshAllowance() {
        StepVerifier.withVirtualTime(() -> refresh(F150).then(refresh(MACH_E)), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(3))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(2);
    }

    @Test
    void refreshFordRefusedDoesNotCount() {
        AtomicInteger posts = new AtomicInteger();
        cloud.transport.on("command", request -> Mono.just(posts.incrementAndGet() == 1
            ? InMemoryTransport.json(request, 400, "{\"message\":\"commands precluded\"}")
            : InMemoryTransport.json(request, 201, "{\"id\":\"cmd-1\"}")));
        cloud.reportingId("cmd-1");

        StepVerifier.withVirtualTime(() -> refresh(F150).onErrorResume(ServiceException.class,
                e -> refresh(F150)), () -> time, Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(3))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(posts).hasValue(2);
    }

    @Test
    void guardCanBeLoosenedPerCall() {
        CommandOptions anyTime = CommandOptions.defaults().withMinStatusRefreshInterval(Duration.ZERO);

        StepVerifier.withVirtualTime(() -> refresh(F150)
                .then(client.vehicle(F150).withCommandOptions(anyTime).refreshStatus().result()), () -> time,
                Long.MAX_VALUE)
            .thenAwait(Duration.ofMinutes(3))
            .expectNextCount(1)
            .expectComplete()
            .verify(VERIFY);
        assertThat(cloud.commandPosts()).hasSize(2);
    }
}
