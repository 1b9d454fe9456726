/** `util.authType()` and `util.unauthorized()`, which depend on who is calling which field. */
import type { AppSyncIdentity, AppSyncInfo } from '../types.ts';

/** The strings AppSync documents for `util.authType()`. */
export function authType(identity: AppSyncIdentity): string {
  if (identity === null || identity === undefined) return 'API Key Authorization';
  if ('resolverContext' in identity) return 'Lambda Authorization';
  if ('userArn' in identity) return 'IAM Authorization';
  return identity.issuer.includes('cognito-idp.')
    ? 'User Pool Authorization'
    : 'Open ID Connect Authorization';
}

export const unauthorizedMessage = (info: AppSyncInfo): string =>
  `Not Authorized to access ${info.fieldName} on type ${info.parentTypeName}`;
