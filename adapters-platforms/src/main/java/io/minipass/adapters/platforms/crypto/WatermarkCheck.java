package io.minipass.adapters.platforms.crypto;

/** How strictly a payload's {@code watermark.appid} is held against the shop's app id. */
public enum WatermarkCheck {
    /** The watermark must be there and name the shop's app. */
    REQUIRED,
    /** A watermark that is there must name the shop's app; a payload without one is accepted. */
    WHEN_PRESENT
}
