package org.parley.cli;

/** A mistake in what the user asked for (a flag's value, a party that does not exist). */
public final class UserException extends RuntimeException {

    public UserException(String message) {
        super(message);
    }
}
