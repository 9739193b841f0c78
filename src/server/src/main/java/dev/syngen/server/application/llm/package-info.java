/** The LLM provider use cases: list the profiles, test one provider. */
package dev.syngen.server.application.llm;
