/**
 * Decides which enabled authorization mode a request's headers speak for and authenticates
 * it, as AppSync does: a SigV4 `Authorization` header means AWS_IAM, another `Authorization`
 * header a JWT provider whose issuer it names or else the Lambda authorizer, `x-api-key` means
 * API_KEY. Used for HTTP requests, real-time connections and each subscription start.
 */
import { MissingAuthorizationError, NotAuthorizedError } from '../errors.ts';
import { JwtProvider } from './jwt-provider.ts';
import { LambdaAuthorization } from './lambda-authorizer.ts';
import { type AuthConfig, type AuthMode, type AuthorizedCaller, enabledModes } from './modes.ts';
import { IamFieldPolicy, type RootField } from './iam-field-policy.ts';
import { type SignedRequest, verifySigV4 } from './sigv4.ts';

export interface AuthRequest extends SignedRequest {
  readonly sourceIp: string;
  readonly queryString: string;
  readonly operationName?: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

export class ModeNotConfiguredError extends Error {
  constructor(mode: AuthMode, missing: string) {
    super(`authorization mode ${mode} is enabled but ${missing} is not configured`);
    this.name = 'ModeNotConfiguredError';
  }
}

export class Authenticator {
  readonly modes: ReadonlySet<AuthMode>;
  readonly lambda: LambdaAuthorization | undefined;
  private readonly jwtProviders: readonly JwtProvider[];
  private readonly iamFields: IamFieldPolicy | undefined;

  constructor(
    private readonly config: AuthConfig,
    api: { readonly apiId: string; readonly accountId: string; readonly rootFields: readonly RootField[] },
    onAuthorizerError: (error: unknown) => void,
  ) {
    this.modes = enabledModes(config);
    if (this.modes.has('API_KEY') && !config.apiKeys) throw new ModeNotConfiguredError('API_KEY', 'apiKeys');
    if (this.modes.has('AWS_IAM') && !config.iam) throw new ModeNotConfiguredError('AWS_IAM', 'iam');
    if (this.modes.has('AWS_LAMBDA') && !config.lambdaAuthorizer) {
      throw new ModeNotConfiguredError('AWS_LAMBDA', 'lambdaAuthorizer');
    }
    this.lambda =
      this.modes.has('AWS_LAMBDA') && config.lambdaAuthorizer
        ? new LambdaAuthorization(
            config.lambdaAuthorizer,
            api,
            config.lambdaAuthorizerTtlSeconds ?? 300,
            onAuthorizerError,
          )
        : undefined;
    const providers: JwtProvider[] = [];
    for (const mode of ['AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT'] as const) {
      if (!this.modes.has(mode)) continue;
      const providerConfig = mode === 'OPENID_CONNECT' ? config.openIdConnect : config.cognitoUserPools;
      if (!providerConfig)
        throw new ModeNotConfiguredError(
          mode,
          mode === 'OPENID_CONNECT' ? 'openIdConnect' : 'cognitoUserPools',
        );
      providers.push(new JwtProvider(mode, providerConfig));
    }
    this.jwtProviders = providers;
    this.iamFields = config.iam ? new IamFieldPolicy(config.iam, api.apiId, api.rootFields) : undefined;
  }

  get defaultMode(): AuthMode {
    return this.config.defaultMode;
  }

  async authenticate(request: AuthRequest): Promise<AuthorizedCaller> {
    const authorization = request.headers['authorization'];
    if (authorization) {
      if (/^AWS4-HMAC-SHA256\s/.test(authorization) && this.modes.has('AWS_IAM') && this.config.iam) {
        const credential = await verifySigV4(request, this.config.iam);
        const userName = credential.userName ?? `local-${credential.accessKeyId}`;
        const userArn = `arn:aws:iam::${this.config.iam.accountId}:user/${userName}`;
        return {
          mode: 'AWS_IAM',
          identity: {
            accountId: this.config.iam.accountId,
            accessKey: credential.accessKeyId,
            userArn,
            username: userName,
            sourceIp: [request.sourceIp],
          },
          deniedFields: await this.iamFields!.deniedFields(credential, userArn),
          groups: [],
        };
      }
      const provider = this.jwtProviders.find((candidate) => candidate.claims(authorization));
      if (provider) return provider.authorize(authorization, request.sourceIp);
      if (this.lambda) {
        return this.lambda.authorize({
          token: authorization,
          headers: request.headers,
          queryString: request.queryString,
          ...(request.operationName ? { operationName: request.operationName } : {}),
          variables: request.variables,
        });
      }
      const [onlyProvider] = this.jwtProviders;
      if (onlyProvider) return onlyProvider.authorize(authorization, request.sourceIp);
    }
    const apiKey = request.headers['x-api-key'];
    if (apiKey !== undefined && this.modes.has('API_KEY')) {
      const known = this.config.apiKeys?.find((candidate) => candidate.key === apiKey);
      if (!known || known.expiresAt.getTime() <= Date.now()) throw new NotAuthorizedError();
      return { mode: 'API_KEY', identity: null, deniedFields: new Set(), groups: [] };
    }
    throw new MissingAuthorizationError();
  }
}
