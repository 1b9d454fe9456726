/** Deploy-time settings of an OIDC issuer the authorizer accepts besides the Cognito user pool. */
export const oidcSettingKeys = ['JWT_ISSUER', 'JWT_AUDIENCE', 'JWT_JWKS_URI'] as const;

export class OidcConfigurationError extends Error {
  override readonly name = 'OidcConfigurationError';
}

const isHttpsUrl = (value: string): boolean => URL.canParse(value) && new URL(value).protocol === 'https:';

function refuseWhatTheAuthorizerCannotHonour(settings: Readonly<Record<string, string>>): void {
  if (!settings.JWT_ISSUER) {
    throw new OidcConfigurationError(
      'JWT_AUDIENCE and JWT_JWKS_URI configure an OIDC issuer: set JWT_ISSUER as well',
    );
  }
  if (!settings.JWT_AUDIENCE?.split(',').some((audience) => audience.trim().length > 0)) {
    throw new OidcConfigurationError(
      'JWT_ISSUER needs JWT_AUDIENCE: the comma-separated audiences (client ids) its tokens must carry',
    );
  }
  for (const key of ['JWT_ISSUER', 'JWT_JWKS_URI'] as const) {
    const value = settings[key];
    if (value !== undefined && !isHttpsUrl(value)) {
      throw new OidcConfigurationError(`${key} must be an https URL, got "${value}"`);
    }
  }
}

/**
 * Reads `JWT_ISSUER` and `JWT_AUDIENCE` (set both or neither) and `JWT_JWKS_URI` (optional)
 * from the deploying shell; blank values count as unset. A half-configured issuer fails the
 * deploy here rather than every request in the authorizer.
 */
export function oidcSettings(
  environment: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const key of oidcSettingKeys) {
    const value = environment[key]?.trim();
    if (value) settings[key] = value;
  }
  if (Object.keys(settings).length > 0) refuseWhatTheAuthorizerCannotHonour(settings);
  return settings;
}
