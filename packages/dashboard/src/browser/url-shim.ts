/**
 * `url.parse` for the AppSync links in the browser, on the WHATWG `URL` browsers have. The npm
 * `url` polyfill they would otherwise pull in brings `qs` and its helpers (about 50 kB) to read
 * a host name.
 */
export interface ParsedUrl {
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string | null;
  readonly pathname: string;
  readonly search: string;
  readonly query: string;
  readonly path: string;
  readonly hash: string;
  readonly href: string;
}

export function parse(address: string): ParsedUrl {
  const url = new URL(address);
  return {
    protocol: url.protocol,
    host: url.host,
    hostname: url.hostname,
    port: url.port === '' ? null : url.port,
    pathname: url.pathname,
    search: url.search,
    query: url.search.replace(/^\?/, ''),
    path: `${url.pathname}${url.search}`,
    hash: url.hash,
    href: url.href,
  };
}

export default { parse };
