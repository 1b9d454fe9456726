/** The NONE data source: hands the request's `payload` straight to the response handler. */
import type { DataSourceRuntime } from './data-source.ts';

export const noneDataSource: DataSourceRuntime = {
  type: 'NONE',
  async invoke(request) {
    const payload =
      typeof request === 'object' && request !== null
        ? (request as { payload?: unknown }).payload
        : undefined;
    return { result: payload ?? null };
  },
};
