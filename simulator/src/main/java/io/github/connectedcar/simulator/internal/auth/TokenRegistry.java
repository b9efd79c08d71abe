package io.github.connectedcar.simulator.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.connectedcar.simulator.internal.http.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues and looks up every credential. Tokens look like Ford's (JWTs with {@code exp} and friends, an unverifiable
 * signature), codes are long random strings, so a client that peeks at a JWT's expiry still works; the simulator
 * itself only trusts its own registry.
 */
public final class TokenRegistry {

    /** Expired tokens are forgotten this long after expiry, to keep memory bounded in long runs. */
    private static final Duration RETENTION_AFTER_EXPIRY = Duration.ofDays(2);
    private static final int PURGE_EVERY = 256;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * Tokens are issued on the server's event loop, where the platform's default generator would read
     * {@code /dev/urandom} (blocking file I/O) as it goes: a DRBG seeded once, here, draws from memory afterwards.
     */
    private final SecureRandom random = seededDrbg();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private int issuedSincePurge;

    /** Issues a token of {@code kind} for {@code username} valid for {@code lifetime} from {@code now}. */
    public IssuedToken issue(TokenKind kind, String username, Instant now, Duration lifetime) {
        return register(kind, username, now, lifetime, null);
    }

    /** Issues an authorization code remembering the authorize request it answers. */
    public IssuedToken issueCode(String username, Instant now, Duration lifetime, AuthorizationRequest request) {
        return register(TokenKind.AUTHORIZATION_CODE, username, now, lifetime, request);
    }

    private IssuedToken register(TokenKind kind, String username, Instant now, Duration lifetime,
                                 AuthorizationRequest request) {
        String value = kind == TokenKind.AUTHORIZATION_CODE ? randomString(480) : jwt(kind, username, now, lifetime);
        IssuedToken token = new IssuedToken(value, kind, username, now, now.plus(lifetime), request);
        tokens.put(value, token);
        purgeOccasionally(now);
        return token;
    }

    /** The token with this exact value, if the simulator issued it (expired or not). */
    public Optional<IssuedToken> find(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(tokens.get(value));
    }

    /** The token if it exists, is of one of the kinds and still usable at {@code now}. */
    public Optional<IssuedToken> findUsable(String value, Instant now, Set<TokenKind> kinds) {
        return find(value).filter(t -> kinds.contains(t.kind()) && t.isUsableAt(now));
    }

    /**
     * Expires an account's tokens of the given kinds at {@code now}.
     *
     * @return how many tokens were affected
     */
    public int expireAll(String username, Set<TokenKind> kinds, Instant now) {
        int count = 0;
        for (IssuedToken t : tokens.values()) {
            if (t.username().equalsIgnoreCase(username) && kinds.contains(t.kind()) && t.isUsableAt(now)) {
                t.expire(now);
                count++;
            }
        }
        return count;
    }

    /** Forgets every token. */
    public void clear() {
        tokens.clear();
    }

    private synchronized void purgeOccasionally(Instant now) {
        if (++issuedSincePurge < PURGE_EVERY) {
            return;
        }
        issuedSincePurge = 0;
        Instant cutoff = now.minus(RETENTION_AFTER_EXPIRY);
        tokens.values().removeIf(t -> t.expiresAt().isBefore(cutoff));
    }

    private String jwt(TokenKind kind, String username, Instant now, Duration lifetime) {
        ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", "simulator");
        ObjectNode claims = Json.object()
            .put("iss", "https://simulator.connectedcar.invalid/" + kind.name().toLowerCase(java.util.Locale.ROOT))
            .put("sub", UUID.nameUUIDFromBytes(username.toLowerCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8)).toString())
            .put("iat", now.getEpochSecond())
            .put("nbf", now.getEpochSecond())
            .put("exp", now.plus(lifetime).getEpochSecond())
            .put("jti", randomString(16))
            .put("token_use", kind.name());
        return encode(Json.write(header)) + "." + encode(Json.write(claims)) + "." + randomString(64);
    }

    private static SecureRandom seededDrbg() {
        try {
            SecureRandom drbg = SecureRandom.getInstance("DRBG");
            drbg.nextBytes(new byte[1]); // seeds it now, on the thread building the simulator
            return drbg;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no DRBG SecureRandom (Java 9 and later have one)", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String randomString(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return URL.encodeToString(buffer);
    }
}
