package dev.syngen.server.application.profile;

import dev.syngen.core.profile.TableProfile;
import java.time.Duration;

/** Profiling a table of a stored target (admin only: it reads the target). */
public interface ProfileService {
  /** The longest one profile may take before its caller gets an answer. */
  Duration TIME_LIMIT = Duration.ofSeconds(30);

  /**
   * Samples the table of target {@code targetId}, profiles its columns and clusters the sample; 429
   * while another profile runs, 504 when it takes longer than {@link #TIME_LIMIT}.
   */
  TableProfile profile(String targetId, ProfileRequest request);
}
