package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads by id with bounded concurrency on the host's executor ({@link ConnectorContext#executor()}); results in the
 * order of the ids. A read that fails for its record alone ({@link ErrorKind#ATS_DATA}) is a result with its reason;
 * any other failure (or the stop signal, or a spent budget) ends the whole batch at once: no further read is sent,
 * and those in flight are waited for, so no task of this run outlives it.
 */
final class Reads {

    /** One read. */
    @FunctionalInterface
    interface Reader<T> {
        T read(long id) throws ConnectorException;
    }

    /**
     * The outcome of one read.
     *
     * @param id      the id read
     * @param value   what was read, or null when it failed
     * @param failure why it could not be read, or null
     */
    record Fetched<T>(long id, T value, String failure) {
    }

    private final ConnectorContext context;
    private final int concurrency;

    Reads(ConnectorContext context, int concurrency) {
        this.context = context;
        this.concurrency = concurrency;
    }

    <T> List<Fetched<T>> fetch(List<Long> ids, Reader<T> reader) throws ConnectorException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicBoolean abandoned = new AtomicBoolean();
        List<CompletableFuture<Fetched<T>>> futures = new ArrayList<>(ids.size());
        try {
            for (long id : ids) {
                context.cancellation().throwIfRequested();
                slots.acquire();
                if (abandoned.get()) {
                    slots.release();
                    break; // a read failed for the whole batch (a spent quota, say): send no more
                }
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return abandoned.get() ? null : new Fetched<>(id, reader.read(id), null);
                    } catch (ConnectorException e) {
                        if (e.kind() == ErrorKind.ATS_DATA) {
                            return new Fetched<>(id, null, e.getMessage());
                        }
                        abandoned.set(true);
                        throw new CompletionException(e);
                    } catch (RuntimeException e) {
                        abandoned.set(true);
                        throw e;
                    } finally {
                        slots.release();
                    }
                }, context.executor()));
            }
            List<Fetched<T>> out = new ArrayList<>(ids.size());
            for (CompletableFuture<Fetched<T>> f : futures) {
                out.add(f.join());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(abandoned, futures, new ConnectorException(ErrorKind.TRANSIENT, "stopped on request"));
        } catch (CompletionException e) {
            throw abandon(abandoned, futures, e.getCause() instanceof ConnectorException ce ? ce
                    : new ConnectorException(ErrorKind.INTERNAL, "reading from iCIMS failed", e.getCause()));
        } catch (ConnectorException e) {
            throw abandon(abandoned, futures, e);
        }
    }

    private static ConnectorException abandon(AtomicBoolean abandoned, List<? extends CompletableFuture<?>> futures,
                                              ConnectorException cause) {
        abandoned.set(true);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((r, t) -> null).join();
        return cause;
    }
}
