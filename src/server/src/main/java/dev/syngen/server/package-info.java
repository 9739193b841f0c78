/**
 * The Open Liberty application, in three rooms: {@code interfaces} (entry points), {@code
 * application} (use cases) and {@code infrastructure} (persistence, config, health, metrics,
 * logging, security); docs/architecture.md says what each may touch.
 */
package dev.syngen.server;
