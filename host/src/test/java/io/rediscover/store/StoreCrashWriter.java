package io.rediscover.store;


import java.nio.file.Path;

/**
 * Child process of {@link StoreCrashTest}: commits batches forever, each of {@value #KEYS} keys plus the batch
 * counter, and prints {@code COMMITTED n} after the commit of batch n returned. Killed with SIGKILL by the parent.
 */
public final class StoreCrashWriter {

    static final int KEYS = 50;

    private StoreCrashWriter() {
    }

    public static void main(String[] args) {
        Store store = new Store(Path.of(args[0]), Boolean.parseBoolean(args[1]));
        store.start();
        StoreMap<Long> meta = store.map("meta", Long.class);
        StoreMap<String> data = store.map("data", String.class);
        long next = meta.get("batches").orElse(0L);
        System.out.println("READY " + next);
        System.out.flush();
        while (true) {
            long batch = next;
            String filler = "x".repeat((int) (batch % 200));
            store.write(b -> {
                for (int i = 0; i < KEYS; i++) {
                    b.put(data, key(batch, i), batch + ":" + i + ":" + filler);
                }
                b.put(meta, "batches", batch + 1);
            });
            next = batch + 1;
            System.out.println("COMMITTED " + next);
            System.out.flush();
        }
    }

    static String key(long batch, int i) {
        return String.format("b%09d/k%02d", batch, i);
    }
}
