/** LLM adapters: the OpenAI-compatible chat transport, the file answer cache, provider files. */
package dev.syngen.io.llm;
