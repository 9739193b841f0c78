/** The LLM provider profiles, transport and answer cache the server's llm_text columns use. */
package dev.syngen.server.infrastructure.llm;
