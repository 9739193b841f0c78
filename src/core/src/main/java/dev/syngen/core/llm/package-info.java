/**
 * LLM-written text: provider profiles, the transport and cache ports, rate limits, the circuit
 * breaker, routing, usage accounting and the {@code llm_text} generator.
 */
package dev.syngen.core.llm;
