package io.rediscover.web;

/**
 * Marks a JAX-RS resource class that the host serves under {@code /api}. Capability modules bind their resources with
 * {@link WebModule#addResource}; {@link JerseyApplication} registers the Guice-built singletons in Jersey, so no HK2
 * bridge is involved and resources use plain constructor injection.
 */
public interface ApiResource {
}
