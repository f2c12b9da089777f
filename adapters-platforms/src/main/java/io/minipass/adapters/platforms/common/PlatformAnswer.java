package io.minipass.adapters.platforms.common;

/** A platform's HTTP answer: its status and its body read as UTF-8 whatever the Content-Type said. */
public record PlatformAnswer(int status, String body) {
    public PlatformAnswer {
        body = body == null ? "" : body;
    }
}
