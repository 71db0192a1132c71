package dev.corsaudit.security;

/**
 * An Origin an attacker's page could have, and which mistake it is built to catch.
 *
 * @param kind the server-side mistake this origin exposes if it is allowed
 */
public record HostileOrigin(FindingCode kind, String origin, String why) {}
