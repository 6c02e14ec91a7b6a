package io.rediscover.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.Encoder;

import java.nio.charset.StandardCharsets;

/**
 * Wraps the format's encoder and masks {@link LogSecrets} in what it wrote: the message, its arguments, the stack trace
 * and the MDC alike, in both formats.
 */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> format;

    RedactingEncoder(Encoder<ILoggingEvent> format) {
        this.format = format;
    }

    @Override
    public byte[] headerBytes() {
        return format.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = format.encode(event);
        String text = new String(line, StandardCharsets.UTF_8);
        String masked = LogSecrets.redact(text);
        return masked == text ? line : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return format.footerBytes();
    }
}
