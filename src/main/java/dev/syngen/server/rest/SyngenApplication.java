package dev.syngen.server.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Roots every syngen REST resource under /api/v1. */
@ApplicationPath("/api/v1")
public class SyngenApplication extends Application {}
