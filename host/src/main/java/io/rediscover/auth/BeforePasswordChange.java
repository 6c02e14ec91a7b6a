package io.rediscover.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method a user whose password must be changed (a printed one-time password) may still call: reading the
 * session, changing the password, signing out. Everything else answers 403 until the password is changed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforePasswordChange {
}
