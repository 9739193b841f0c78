package dev.syngen.server.infrastructure.health;

import java.util.List;

/**
 * A CDI event: every target's reachability was probed afresh ({@link DependencyStatus#targets}).
 */
public record TargetsProbed(List<Dependency> targets) {}
