package io.minipass.adapters.web;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the operator sees of the HTTP API beside the access log, which is always written: who is told of
 * each answered request (metrics), and the metrics text on {@code GET /metrics}, when served on this port.
 *
 * @param answered told of every request once it is answered, on the thread that finished it; must not throw
 * @param metrics  {@code GET /metrics} answers this text; empty: {@code /metrics} is no route here
 */
public record WebObservation(Consumer<AnsweredRequest> answered, Optional<MetricsText> metrics) {
    public static final String METRICS_PATH = "/metrics";
    public static final String METRICS_ROUTE = "metrics";

    public WebObservation {
        Objects.requireNonNull(answered, "answered");
        Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * @param contentType e.g. Prometheus' {@code text/plain; version=0.0.4; charset=utf-8}
     * @param text        the current text, made for each request
     */
    public record MetricsText(String contentType, Supplier<String> text) {
        public MetricsText {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(text, "text");
        }
    }
}
