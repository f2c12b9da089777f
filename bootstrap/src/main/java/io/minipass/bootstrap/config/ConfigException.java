package io.minipass.bootstrap.config;

/** A setting that is missing or does not make sense; the service refuses to start. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
