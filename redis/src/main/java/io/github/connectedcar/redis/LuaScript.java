package io.github.connectedcar.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so a call sends a 40-character digest instead of the whole
 * script; when Redis does not know it yet (first call, a restart, {@code SCRIPT FLUSH}, a fail-over), the one call
 * answered {@code NOSCRIPT} is sent again with the script's text ({@code EVAL}), which also caches it.
 */
final class LuaScript {
    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    static LuaScript of(String source) {
        return new LuaScript(source);
    }

    /** Runs the script once (a {@code NOSCRIPT} answer costs a second exchange that carries the text). */
    <T> Mono<T> run(RedisReactiveCommands<String, String> redis, ScriptOutputType type, String[] keys,
                    String... arguments) {
        return redis.<T>evalsha(sha1, type, keys, arguments).next()
            .onErrorResume(RedisNoScriptException.class,
                unknown -> redis.<T>eval(source, type, keys, arguments).next());
    }

    /** The digest Redis names the script by ({@code SCRIPT EXISTS}). */
    String sha1() {
        return sha1;
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-1", e);
        }
    }
}
