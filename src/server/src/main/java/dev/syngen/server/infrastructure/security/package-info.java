/** Who is calling and under which trace id; generated passwords for the built-in users. */
package dev.syngen.server.infrastructure.security;
