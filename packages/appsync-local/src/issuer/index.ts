/**
 * A local OIDC issuer on its own port: `startLocalIssuer()` serves the discovery document and
 * JWKS, and `mintToken(...)` signs RS256 ID tokens in process. See local-issuer.ts.
 */
export {
  IssuerSigningKeyError,
  startLocalIssuer,
  type IssuerSigningKey,
  type LocalIssuer,
  type LocalIssuerOptions,
  type MintTokenRequest,
} from './local-issuer.ts';
