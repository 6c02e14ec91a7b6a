package io.rediscover.profiles;

import io.rediscover.config.HostConfig;
import io.rediscover.web.LargeBody;
import jakarta.inject.Inject;

/** Corpus uploads have a body limit of their own: {@code profiles.maxImportBytes}, not {@code server.maxRequestBytes}. */
public final class ImportUploadLimit implements LargeBody {

    /** The upload's path under {@code /api}. */
    static final String PATH = "/admin/profiles/import";

    private final long maxBytes;

    /** @param config the host configuration */
    @Inject
    public ImportUploadLimit(HostConfig config) {
        this.maxBytes = config.profiles().maxImportBytes();
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }
}
