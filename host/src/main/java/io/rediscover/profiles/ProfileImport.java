package io.rediscover.profiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One import of a JSON Lines file into the corpus, as stored (committed with every batch of profiles, so it says exactly
 * what is in the store) and as {@code GET /api/admin/profiles/imports/{id}} shows it.
 *
 * @param id        the import's id
 * @param state     where it is
 * @param source    {@code upload} (the API) or {@code command line}
 * @param fileName  the file's name, when known
 * @param by        who started it
 * @param createdAt when it was asked for
 * @param startedAt when it started (or resumed after a restart), or null
 * @param endedAt   when it ended, or null
 * @param progress  how far it is
 * @param counts    what it did
 * @param badLines  the first {@link #MAX_BAD_LINES} bad lines, by line number; {@code counts.bad} counts them all
 * @param error     why it failed or stopped, or null
 */
public record ProfileImport(String id, State state, String source, String fileName, String by, Instant createdAt,
                            Instant startedAt, Instant endedAt, Progress progress, Counts counts,
                            List<BadLineReport> badLines, String error) {

    /** How many bad lines are kept with their reasons; the count goes on. */
    public static final int MAX_BAD_LINES = 100;

    /** Canonical constructor: copies the list; missing parts read as empty. */
    public ProfileImport {
        badLines = badLines == null ? List.of() : List.copyOf(badLines);
        progress = progress == null ? new Progress(0, 0, 0, 0, 0, null) : progress;
        counts = counts == null ? new Counts(0, 0, 0, 0, 0) : counts;
    }

    /** Where an import is. */
    public enum State {
        /** waiting for the import before it */
        QUEUED,
        /** reading the file */
        RUNNING,
        /** read to its end */
        DONE,
        /** the file could not be read to its end (cut short, corrupt); what was read before is imported */
        FAILED,
        /** stopped by a restart that could not resume it; what was read before is imported */
        INTERRUPTED;

        /** @return whether the import is over */
        public boolean ended() {
            return this == DONE || this == FAILED || this == INTERRUPTED;
        }
    }

    /**
     * @param linesDone      lines read (good, bad and blank)
     * @param bytesDone      bytes of the file read (compressed bytes for gzip)
     * @param bytesTotal     the file's size
     * @param estimatedLines lines the file holds, estimated from the bytes read so far (exact once done)
     * @param ratePerSecond  lines per second since it started
     * @param eta            when it should end, or null when unknown or over
     */
    public record Progress(long linesDone, long bytesDone, long bytesTotal, long estimatedLines, double ratePerSecond,
                           Instant eta) {
    }

    /**
     * @param imported  good lines stored (added + replaced + unchanged)
     * @param added     profiles with a new id
     * @param replaced  profiles that replaced a different one with their id
     * @param unchanged profiles identical to the one stored with their id
     * @param bad       lines skipped as bad
     */
    public record Counts(long imported, long added, long replaced, long unchanged, long bad) {
        Counts plus(ProfileStore.Written w, long badLines) {
            return new Counts(imported + w.added() + w.replaced() + w.unchanged(), added + w.added(),
                    replaced + w.replaced(), unchanged + w.unchanged(), bad + badLines);
        }
    }

    /** @param line its number, from 1 @param reason what is wrong with it */
    public record BadLineReport(long line, String reason) {
    }

    ProfileImport withState(State s, Instant ended, String why) {
        return new ProfileImport(id, s, source, fileName, by, createdAt, startedAt, ended, progress, counts, badLines, why);
    }

    ProfileImport started(Instant at) {
        return new ProfileImport(id, State.RUNNING, source, fileName, by, createdAt, at, null, progress, counts, badLines, null);
    }

    ProfileImport advanced(Progress p, Counts c, List<BadLineReport> more) {
        List<BadLineReport> kept = new ArrayList<>(badLines);
        more.stream().limit(Math.max(0, MAX_BAD_LINES - kept.size())).forEach(kept::add);
        return new ProfileImport(id, state, source, fileName, by, createdAt, startedAt, endedAt, p, c, kept, error);
    }
}
