/**
 * What differs between stages, kept in the repository instead of the deploying shell, so a
 * deploy from any shell or from CI gets the same stage. `sst.config.ts` reads it in `app()`
 * (region) and infra reads it in `run()`; it uses no SST global for that reason. The one
 * setting that is not for the repository, the address alarms are mailed to, is the stage's
 * SST secret `AlertEmail` (`npx sst secret set AlertEmail <address> --stage <stage>`).
 */
import { oidcSettings } from './oidc.ts';
import type { SignInSettings } from './sign-in.ts';

export const productionStage = 'production';

export interface OidcIssuerSettings {
  /** https URL; tokens whose `iss` is this are checked against it. */
  readonly issuer: string;
  /** Client ids its tokens may carry as `aud` (at least one). */
  readonly audiences: readonly string[];
  /** Defaults to the issuer's discovery document. */
  readonly jwksUri?: string;
}

export interface StageSettings {
  /** The AWS region the stage lives in, whatever region the deploying shell points at. */
  readonly region: string;
  /**
   * Tables, the user pool and the queues survive `sst remove` and refuse deletion or
   * replacement (Pulumi `retainOnDelete` + `protect`, and the services' own deletion
   * protection where they have one).
   */
  readonly retainData: boolean;
  /**
   * Alarms are mailed to the stage's `AlertEmail` secret; a deploy of such a stage fails until
   * the secret is set. Without it, alarms reach the Alerts topic only.
   */
  readonly emailAlerts: boolean;
  /** An OIDC issuer the authorizer trusts besides the stack's Cognito user pool. */
  readonly oidcIssuer?: OidcIssuerSettings;
  /**
   * How employees sign in to the stage's user pool (see sign-in.ts and the README's "Signing
   * in"): managed login's domain, the pages that sign people in, who may sign themselves up
   * (`selfSignUpDomains`; absent: admins create accounts), SES for mail, and the company's
   * identity provider. Absent: a Cognito prefix domain, admin-created accounts, Cognito's mail.
   */
  readonly signIn?: SignInSettings;
}

/** Every stage not listed in `stages`: personal and review stages. */
const otherStages: StageSettings = {
  region: 'us-east-1',
  retainData: false,
  emailAlerts: false,
};

const stages: Readonly<Record<string, StageSettings>> = {
  [productionStage]: {
    region: 'us-east-1',
    retainData: true,
    emailAlerts: true,
  },
};

export function stageSettings(stage: string): StageSettings {
  return stages[stage] ?? otherStages;
}

/**
 * The authorizer's `JWT_*` variables for the stage's OIDC issuer (none without one), checked
 * the way a deploy checks them: an incomplete issuer fails here, not in every request.
 */
export function authorizerOidcEnvironment(settings: StageSettings): Record<string, string> {
  const issuer = settings.oidcIssuer;
  if (!issuer) return {};
  return oidcSettings({
    JWT_ISSUER: issuer.issuer,
    JWT_AUDIENCE: issuer.audiences.join(','),
    JWT_JWKS_URI: issuer.jwksUri,
  });
}
