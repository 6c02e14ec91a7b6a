package io.rediscover.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API method that answers without sign-in (sign-in itself, health). Every other method requires a caller;
 * being explicit here means a new endpoint is private unless someone decides otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {
}
