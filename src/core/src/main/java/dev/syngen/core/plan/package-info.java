/** Compiles a scenario plus run overrides into an executable, validated, hashed plan. */
package dev.syngen.core.plan;
