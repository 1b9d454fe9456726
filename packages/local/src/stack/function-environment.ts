/**
 * The environment a deployed Lambda of this service reads, pointed at the local parts:
 * linked resources as SST writes them (`SST_RESOURCE_<Name>` JSON), AWS endpoints and
 * credentials for the SDK's default chain, and the authorizer's OIDC settings. Handlers run
 * in this process, so these are set on `process.env`; `restore()` puts the previous values
 * back when the stack stops.
 */
export interface FunctionEnvironment {
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly dynamoEndpoint: string;
  readonly sqsEndpoint: string;
  /** Linked resources by name, e.g. `{ Scores: { name: 'Scores' } }`. */
  readonly resources: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly jwt: { readonly issuer: string; readonly audience: string; readonly jwksUri: string };
  readonly verbose: boolean;
}

interface SstResourceState {
  __SST_RESOURCE_RAW__?: Record<string, unknown>;
  __SST_RESOURCE_ENVIRONMENT__?: Record<string, string>;
}

export interface AppliedFunctionEnvironment {
  /** Links one more resource once it is known (the API's URL exists only after it listens). */
  link(name: string, resource: Readonly<Record<string, string>>): void;
  restore(): void;
}

export function applyFunctionEnvironment(environment: FunctionEnvironment): AppliedFunctionEnvironment {
  const values: Record<string, string | undefined> = {
    AWS_REGION: environment.region,
    AWS_DEFAULT_REGION: environment.region,
    AWS_ACCESS_KEY_ID: environment.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: environment.credentials.secretAccessKey,
    // A developer's own session or profile must not sign local requests.
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_DYNAMODB: environment.dynamoEndpoint,
    AWS_ENDPOINT_URL_DYNAMODB_STREAMS: environment.dynamoEndpoint,
    AWS_ENDPOINT_URL_SQS: environment.sqsEndpoint,
    JWT_ISSUER: environment.jwt.issuer,
    JWT_AUDIENCE: environment.jwt.audience,
    JWT_JWKS_URI: environment.jwt.jwksUri,
    COGNITO_USER_POOL_ID: undefined,
    COGNITO_CLIENT_ID: undefined,
    POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? (environment.verbose ? 'INFO' : 'WARN'),
    POWERTOOLS_METRICS_DISABLED:
      process.env['POWERTOOLS_METRICS_DISABLED'] ?? (environment.verbose ? 'false' : 'true'),
    SST_RESOURCE_App: JSON.stringify({ name: 'leaderboard', stage: 'local' }),
  };
  for (const [name, resource] of Object.entries(environment.resources)) {
    values[`SST_RESOURCE_${name}`] = JSON.stringify(resource);
  }
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  setAll(values);
  // SST reads the environment once per process; a stack started after another must update what it cached.
  const sst = globalThis as SstResourceState;
  const previousResources = sst.__SST_RESOURCE_RAW__ ? { ...sst.__SST_RESOURCE_RAW__ } : undefined;
  if (sst.__SST_RESOURCE_RAW__) {
    for (const [name, resource] of Object.entries(environment.resources))
      sst.__SST_RESOURCE_RAW__[name] = resource;
  }
  return {
    link(name, resource) {
      const key = `SST_RESOURCE_${name}`;
      if (!(key in previous)) previous[key] = process.env[key];
      process.env[key] = JSON.stringify(resource);
      if (sst.__SST_RESOURCE_RAW__) sst.__SST_RESOURCE_RAW__[name] = resource;
    },
    restore() {
      setAll(previous);
      if (sst.__SST_RESOURCE_RAW__ && previousResources) {
        for (const key of Object.keys(sst.__SST_RESOURCE_RAW__)) delete sst.__SST_RESOURCE_RAW__[key];
        Object.assign(sst.__SST_RESOURCE_RAW__, previousResources);
      }
    },
  };
}

function setAll(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
