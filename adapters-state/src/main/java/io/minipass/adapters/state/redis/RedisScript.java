package io.minipass.adapters.state.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script Redis runs atomically, sent by its digest and in full only when Redis does not know it yet. */
final class RedisScript {
    private final String source;
    private final String sha1;

    RedisScript(String source) {
        this.source = source;
        try {
            this.sha1 = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.evalsha(sha1, type, keys, args);
        } catch (RedisNoScriptException unknownYet) {
            return redis.eval(source, type, keys, args);
        }
    }
}
