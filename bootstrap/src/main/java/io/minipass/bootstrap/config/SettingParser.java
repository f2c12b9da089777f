package io.minipass.bootstrap.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** Reads typed settings, naming the variable when a value is wrong; only the settings {@link KnownSettings} lists. */
final class SettingParser {
    private final ConfigSource source;

    SettingParser(ConfigSource source) {
        this.source = source;
    }

    String text(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    /** The setting's value; a name missing from {@link KnownSettings} is a programming error, caught by any test. */
    private Optional<String> value(String name) {
        if (!KnownSettings.isKnown(name)) {
            throw new IllegalStateException(name + " is read as a setting but not listed in KnownSettings");
        }
        return source.get(name);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = value(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw wrong(name, value, "a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw wrong(name, value, "a whole number from " + min + " to " + max);
        }
    }

    boolean flag(String name, boolean fallback) {
        String value = value(name).orElse("").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> fallback;
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw wrong(name, value, "true or false");
        };
    }

    ZoneId zone(String name, String fallback) {
        String value = text(name, fallback);
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw wrong(name, value, "a time zone such as Asia/Shanghai");
        }
    }

    /** {@code 30d}, {@code 12h}, {@code 15m}, {@code 45s}, or plain seconds; {@code 0} is zero. */
    Duration duration(String name, Duration fallback) {
        String value = value(name).orElse("");
        return value.isEmpty() ? fallback : parseDuration(name, value);
    }

    /** A wait on something outside the process: as {@link #duration}, from 1 second to 10 minutes. */
    Duration timeout(String name, Duration fallback) {
        Duration value = duration(name, fallback);
        if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofMinutes(10)) > 0) {
            throw wrong(name, value(name).orElse(""), "a timeout from 1s to 10m");
        }
        return value;
    }

    /** A duration written as {@link #duration} reads it; the name is for the error message. */
    static Duration parseDuration(String name, String text) {
        String value = text.toLowerCase(Locale.ROOT);
        try {
            char unit = value.charAt(value.length() - 1);
            long amount = Character.isDigit(unit) ? Long.parseLong(value) : Long.parseLong(value.substring(0, value.length() - 1));
            if (amount < 0) {
                throw wrong(name, value, "a duration such as 30d, 12h, 15m, 45s or 0");
            }
            return switch (unit) {
                case 'd' -> Duration.ofDays(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 's' -> Duration.ofSeconds(amount);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw wrong(name, value, "a duration such as 30d, 12h, 15m, 45s or 0");
                    }
                    yield Duration.ofSeconds(amount);
                }
            };
        } catch (NumberFormatException e) {
            throw wrong(name, value, "a duration such as 30d, 12h, 15m, 45s or 0");
        }
    }

    private static ConfigException wrong(String name, String value, String expected) {
        return new ConfigException(ConfigSource.envName(name) + "=" + value + " is not " + expected);
    }
}
