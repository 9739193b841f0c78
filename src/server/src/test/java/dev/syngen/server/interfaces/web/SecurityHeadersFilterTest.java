package dev.syngen.server.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {
  @Test
  void mergesAnotherPolicysNonceIntoTheScriptSourcesOnly() {
    String merged = SecurityHeadersFilter.merged("script-src 'self' 'nonce-QUJDRGVmZ2hpams='");
    assertTrue(
        merged.contains("script-src 'self' 'nonce-QUJDRGVmZ2hpams=';"), "nonce allowed: " + merged);
    assertTrue(merged.contains("style-src 'self';"), merged);
    assertTrue(merged.contains("frame-ancestors 'none'"), merged);
    assertFalse(merged.contains("unsafe-inline"), merged);
  }

  @Test
  void aPolicyWithoutANonceLeavesTheServersPolicy() {
    assertEquals(
        SecurityHeadersFilter.CONTENT_SECURITY_POLICY,
        SecurityHeadersFilter.merged("script-src 'self' 'unsafe-inline' https://cdn.example"));
    assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, SecurityHeadersFilter.merged(null));
  }

  @Test
  void aNonceThatCouldBreakOutOfItsQuotesIsIgnored() {
    assertEquals(
        SecurityHeadersFilter.CONTENT_SECURITY_POLICY,
        SecurityHeadersFilter.merged("script-src 'nonce-abc'; script-src *'"));
  }
}
