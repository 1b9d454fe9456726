/**
 * `config.json`, served next to the page: which API this screen reads. Written per stage
 * (from the running local stack, or by the deploy from the API's outputs), so one build of
 * the page serves every stage.
 */
export interface DashboardConfig {
  /** The GraphQL endpoint, `https://<id>.appsync-api.<region>.amazonaws.com/graphql` in AWS. */
  readonly graphqlUrl: string;
  /** The real-time endpoint the client library derives from `graphqlUrl`; shown on the screen. */
  readonly realtimeUrl: string;
  /** The public, read-only API key. */
  readonly apiKey: string;
  readonly region: string;
  /** Program boards offered in the picker; any `program:<id>` also works through `?board=`. */
  readonly programs: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export const configFileName = 'config.json';

export class DashboardConfigError extends Error {
  override readonly name = 'DashboardConfigError';
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requiredUrl(source: Record<string, unknown>, key: string, schemes: readonly string[]): string {
  const value = source[key];
  if (typeof value !== 'string' || value === '') {
    throw new DashboardConfigError(`${configFileName}: "${key}" must be a non-empty string`);
  }
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new DashboardConfigError(`${configFileName}: "${key}" is not a URL: ${value}`);
  }
  if (!schemes.includes(protocol)) {
    throw new DashboardConfigError(`${configFileName}: "${key}" must use ${schemes.join(' or ')}: ${value}`);
  }
  return value;
}

export function parseDashboardConfig(json: unknown): DashboardConfig {
  if (!isRecord(json)) throw new DashboardConfigError(`${configFileName} must hold a JSON object`);
  const apiKey = json['apiKey'];
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new DashboardConfigError(`${configFileName}: "apiKey" must be a non-empty string`);
  }
  const region = json['region'] ?? 'us-east-1';
  if (typeof region !== 'string')
    throw new DashboardConfigError(`${configFileName}: "region" must be a string`);
  const programsValue = json['programs'] ?? [];
  if (!Array.isArray(programsValue)) {
    throw new DashboardConfigError(`${configFileName}: "programs" must be a list of {id, name}`);
  }
  const programs = programsValue.map((program: unknown) => {
    if (!isRecord(program) || typeof program['id'] !== 'string' || program['id'] === '') {
      throw new DashboardConfigError(`${configFileName}: each program needs a string "id"`);
    }
    const name =
      typeof program['name'] === 'string' && program['name'] !== '' ? program['name'] : program['id'];
    return { id: program['id'], name };
  });
  return {
    graphqlUrl: requiredUrl(json, 'graphqlUrl', ['http:', 'https:']),
    realtimeUrl: requiredUrl(json, 'realtimeUrl', ['ws:', 'wss:']),
    apiKey,
    region,
    programs,
  };
}
