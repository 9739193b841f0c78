/** Traffic shaping for load runs: rates, durations, steady/burst/sampled pacing. */
package dev.syngen.core.traffic;
