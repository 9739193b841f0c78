/**
 * Shape profiles of existing tables (no raw identifiers or free text) and scenarios drafted from
 * them.
 */
package dev.syngen.core.profile;
