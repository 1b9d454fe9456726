/** Deploy-time settings of an OIDC issuer the authorizer accepts besides the Cognito user pool. */
export const oidcSettingKeys = ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_JWKS_URI'] as const;

export class OidcConfigurationError extends Error {
  override readonly name = 'OidcConfigurationError';
}

/**
 * Reads `JWT_ISSUER` (required for an OIDC issuer), `JWT_AUDIENCE` and `JWT_JWKS_URI` (optional)
 * from the deploying shell; blank values count as unset.
 */
export function oidcSettings(
  environment: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const key of oidcSettingKeys) {
    const value = environment[key]?.trim();
    if (value) settings[key] = value;
  }
  if (!settings.JWT_ISSUER && Object.keys(settings).length > 0) {
    throw new OidcConfigurationError(
      'JWT_AUDIENCE and JWT_JWKS_URI configure an OIDC issuer: set JWT_ISSUER as well',
    );
  }
  if (settings.JWT_ISSUER && !settings.JWT_ISSUER.startsWith('https://')) {
    throw new OidcConfigurationError(`JWT_ISSUER must be an https URL, got "${settings.JWT_ISSUER}"`);
  }
  return settings;
}
