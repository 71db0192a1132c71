package dev.corsaudit.security;

/**
 * Security and policy findings. Security codes name a server-side origin check that lets in a page
 * it should not; policy codes name a difference between the endpoint and its declared policy.
 */
public enum FindingCode {
  REFLECTS_ANY_ORIGIN(Severity.HIGH),
  TRUSTS_NULL_ORIGIN(Severity.HIGH),
  PREFIX_MATCH(Severity.HIGH),
  SUFFIX_MATCH(Severity.HIGH),
  INSECURE_ORIGIN_TRUSTED(Severity.MEDIUM),
  SUBDOMAIN_TRUSTED(Severity.LOW),
  REFLECTED_WITHOUT_VARY(Severity.MEDIUM),
  POLICY_ORIGIN_NOT_ALLOWED(Severity.HIGH),
  POLICY_EXTRA_ORIGIN(Severity.HIGH),
  POLICY_METHODS_MISMATCH(Severity.MEDIUM),
  POLICY_HEADERS_MISMATCH(Severity.MEDIUM),
  POLICY_CREDENTIALS_MISMATCH(Severity.MEDIUM),
  POLICY_MAX_AGE_MISMATCH(Severity.LOW),
  POLICY_EXPOSE_HEADERS_MISMATCH(Severity.LOW);

  private final Severity baseSeverity;

  FindingCode(Severity baseSeverity) {
    this.baseSeverity = baseSeverity;
  }

  /** The severity without credentials; a trusted hostile origin with credentials is CRITICAL. */
  public Severity baseSeverity() {
    return baseSeverity;
  }
}
