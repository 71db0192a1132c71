package dev.corsaudit.model;

/** A failure to get a response at all, as a value (the probe never throws for a network fault). */
public record NetworkError(NetworkErrorKind kind, String message) {}
