import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { parseDevOptions, parseStartOptions } from '../../src/service-options.ts';

describe('pnpm start and pnpm dev options', () => {
  it('put the dashboard next to the API, or let the system pick both ports', () => {
    expect(parseStartOptions([])).toMatchObject({
      port: 4000,
      dashboardPort: 4001,
      https: false,
      persist: false,
    });
    expect(parseStartOptions(['--port', '0'])).toMatchObject({ port: 0, dashboardPort: 0 });
    expect(parseStartOptions(['--rebuild-every', '2s'])).toMatchObject({ rebuildIntervalMs: 2000 });
  });

  it('debug from port 9229 unless told otherwise, only when asked', () => {
    expect(parseDevOptions([])).toMatchObject({ inspectPort: undefined, resolversDir: undefined });
    expect(parseDevOptions(['--inspect'])).toMatchObject({ inspectPort: 9229 });
    expect(parseDevOptions(['--inspect', '--inspect-port', '0'])).toMatchObject({ inspectPort: 0 });
  });

  it('refuse what they cannot honour', () => {
    expect(() => parseDevOptions(['--inspect-port', '9300'])).toThrow(UsageError);
    expect(() => parseStartOptions(['--inspect'])).toThrow(/Unknown option '--inspect'/);
    expect(() => parseStartOptions(['--port', '4000', '--dashboard-port', '4000'])).toThrow(/must differ/);
    expect(() => parseStartOptions(['--port', '70000'])).toThrow(/0-65535/);
  });
});
