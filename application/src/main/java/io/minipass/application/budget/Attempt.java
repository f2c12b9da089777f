package io.minipass.application.budget;

/** What a client may try only so often. */
public enum Attempt {
    /** Exchanging a login code with the platform (each one a call to the platform). */
    CODE_EXCHANGE,
    /** Registering a new user. */
    REGISTRATION,
    /** Sending encrypted user data that does not open. */
    FAILED_DECRYPTION,
    /** Asking for the user of a token that is not valid. */
    FAILED_TOKEN_LOOKUP,
    /** Having the platform vouch for a phone number (a call to the platform, or opening sealed data). */
    PHONE_VERIFICATION,
    /** A phone proof the platform refused or that did not open. */
    FAILED_PHONE_VERIFICATION
}
