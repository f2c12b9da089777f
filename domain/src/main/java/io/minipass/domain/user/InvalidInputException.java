package io.minipass.domain.user;

/**
 * Input that breaks a rule of the contract. The message is the one shown to the client,
 * in the shop's language, as ShopXO shows it.
 */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
