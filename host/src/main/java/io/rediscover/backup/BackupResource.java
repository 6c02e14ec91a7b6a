package io.rediscover.backup;

import io.rediscover.audit.AuditLog;
import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * {@code POST /api/admin/backup}: a consistent copy of the store, taken while the server runs, streamed as a zip
 * (the store file and {@value BackupManifest#FILE_NAME}); {@code rediscover backup DIR} calls it and unpacks the
 * zip into DIR. Platform admins only; written to the installation's audit log once the copy is complete.
 */
@Tag(name = "Installation")
@Path("/admin/backup")
@Singleton
public final class BackupResource implements ApiResource {

    static final String ZIP = "application/zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final OnlineBackup backup;
    private final AuditLog audit;
    private final Clock clock;

    /** @param backup writes the copy @param audit the audit log @param clock the host's clock */
    @Inject
    public BackupResource(OnlineBackup backup, AuditLog audit, Clock clock) {
        this.backup = backup;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param security the caller @return the zip, streamed as it is written */
    @POST
    @Produces(ZIP)
    @Operation(summary = "A consistent copy of the store, taken online, as a zip (what rediscover backup calls)",
            responses = @ApiResponse(responseCode = "200", description = "the store file and backup.json",
                    content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary"))))
    public Response backup(@Context SecurityContext security) {
        Caller caller = Caller.of(security);
        caller.requirePlatformAdmin("back up the installation");
        StreamingOutput zip = out -> {
            BackupManifest m = backup.write(out);
            audit.record(caller.actor(), null, "installation.backed-up", BackupManifest.STORE_FILE,
                    Map.of("bytes", Long.toString(m.storeBytes()), "sha256", m.sha256()));
        };
        return Response.ok(zip, ZIP).header("Content-Disposition",
                "attachment; filename=\"rediscover-backup-" + STAMP.format(clock.instant()) + ".zip\"").build();
    }
}
