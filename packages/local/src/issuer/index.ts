export {
  startLocalIssuer,
  type LocalIssuer,
  type LocalIssuerOptions,
  type MintTokenRequest,
} from './local-issuer.ts';
