package io.rediscover.profiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.store.StoreJson;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How a profile is stored: the store's lenient JSON (so a later release reads it as any stored value), deflated. A
 * profile's JSON is about 1.5 KB and a corpus holds millions of them; deflating it takes a profile to about a third,
 * which is most of the corpus's size on disk, for some 30 µs a profile.
 */
final class ProfileCodec {

    private static final ObjectMapper JSON = StoreJson.mapper();

    private ProfileCodec() {
    }

    static byte[] encode(Profile profile) {
        try {
            byte[] json = JSON.writeValueAsBytes(profile);
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                deflater.setInput(json);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 16);
                byte[] chunk = new byte[4096];
                while (!deflater.finished()) {
                    out.write(chunk, 0, deflater.deflate(chunk));
                }
                return out.toByteArray();
            } finally {
                deflater.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise profile " + profile.id(), e);
        }
    }

    static Profile decode(byte[] stored) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 3);
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
            }
            return JSON.readValue(out.toByteArray(), Profile.class);
        } catch (DataFormatException | IOException e) {
            throw new IllegalStateException("a stored profile does not read as one", e);
        } finally {
            inflater.end();
        }
    }
}
