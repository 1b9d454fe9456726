/** Reads config.json from beside the page, never from a cache: a deploy or a restart rewrites it. */
import {
  configFileName,
  DashboardConfigError,
  parseDashboardConfig,
  type DashboardConfig,
} from '../view/config.ts';

export async function loadConfig(): Promise<DashboardConfig> {
  let response: Response;
  try {
    response = await fetch(new URL(configFileName, document.baseURI), { cache: 'no-store' });
  } catch (error) {
    throw new DashboardConfigError(`${configFileName} could not be loaded: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new DashboardConfigError(`${configFileName} could not be loaded: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DashboardConfigError(`${configFileName} is not valid JSON`);
  }
  return parseDashboardConfig(json);
}
