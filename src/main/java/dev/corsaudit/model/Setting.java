package dev.corsaudit.model;

/**
 * A setting of an audit that a user-fixable problem is about. Core code names the setting; the
 * command line turns it into the flag that changes it, so messages below the CLI never name flags.
 */
public enum Setting {
  PROVIDERS_FILE,
  PROVIDER_IDS,
  URL,
  ORIGIN,
  METHOD,
  HEADER,
  PROFILE,
  CREDENTIALS,
  BROWSER
}
