package dev.syngen.server.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** Roots every syngen REST resource under /api/v1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "syngen",
            version = "v1",
            description =
                "Reproducible synthetic data: scenarios, targets and runs. Reads need no login;"
                    + " changes need HTTP Basic credentials of an admin."))
public class SyngenApplication extends Application {}
