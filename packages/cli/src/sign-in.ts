/**
 * `pnpm sign-in`: signs in through the issuer's sign-in page and keeps the tokens for the other
 * commands; `pnpm -s sign-in --print` prints a current ID token for scripts and curl.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliLoopbackRedirect } from '@leaderboard/core/sign-in';
import { repositoryRoot } from '@leaderboard/local/stack/paths';
import { durationArgument, parseCommandLine } from './command-line.ts';
import { CliError, UsageError } from './errors.ts';
import { signIn, type LoopbackRedirect } from './login.ts';
import { runCli } from './run-cli.ts';
import { currentIdToken, saveSignIn, signInFilePath } from './sign-in-store.ts';
import { connectToStack } from './stack-connection.ts';

const usage = `Usage: pnpm sign-in [--issuer <url> --client-id <id> | --deployed] [--no-browser] [--timeout <duration>]
       pnpm -s sign-in --print

Signs in with the authorization code flow and PKCE, and keeps the tokens in ${signInFilePath()}.
  (no option)      the local stack's issuer (start it with \`pnpm start\`)
  --deployed       the stage deployed from this checkout (.sst/outputs.json: userPoolIssuer, userPoolClientId)
  --issuer, --client-id
                   a deployed stage's user pool (its outputs userPoolIssuer and userPoolClientId)
  --no-browser     print the sign-in URL instead of opening a browser
  --print          print a current ID token of the last sign-in (renewed if needed), for
                   curl -H "Authorization: $(pnpm -s sign-in --print)" ...`;

/** The local stack's issuer knows one client: its audience, which the local authorizer accepts. */
const localClientId = 'appsync-local';

interface Target {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirect: LoopbackRedirect;
}

const userPoolRedirect: LoopbackRedirect = cliLoopbackRedirect;
/** The local issuer takes any loopback port (RFC 8252), so the system picks a free one. */
const localRedirect: LoopbackRedirect = { host: '127.0.0.1', ports: [0], path: cliLoopbackRedirect.path };

function deployedTarget(): Target {
  const file = join(repositoryRoot, '.sst', 'outputs.json');
  let outputs: Record<string, unknown>;
  try {
    outputs = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new CliError(
      `no deploy outputs in ${file}: deploy from this checkout, or pass --issuer and --client-id`,
    );
  }
  const { userPoolIssuer, userPoolClientId } = outputs;
  if (typeof userPoolIssuer !== 'string' || typeof userPoolClientId !== 'string') {
    throw new CliError(
      `${file} has no userPoolIssuer and userPoolClientId: deploy again, or pass --issuer and --client-id`,
    );
  }
  return { issuer: userPoolIssuer, clientId: userPoolClientId, redirect: userPoolRedirect };
}

function targetOf(values: { issuer?: string; 'client-id'?: string; deployed?: boolean }): Target {
  if (values.issuer !== undefined || values['client-id'] !== undefined) {
    if (!values.issuer || !values['client-id'])
      throw new UsageError(`--issuer and --client-id go together\n\n${usage}`);
    return { issuer: values.issuer, clientId: values['client-id'], redirect: userPoolRedirect };
  }
  if (values.deployed) return deployedTarget();
  return { issuer: connectToStack().issuerUrl, clientId: localClientId, redirect: localRedirect };
}

/** The ID token's claims, for the greeting only (openid-client has checked the token). */
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** Opens the page in the desktop's browser when there is one; the URL is printed either way. */
function openBrowser(url: URL): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open']
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""']
        : ['xdg-open'];
  const child = spawn(command!, [...args, url.href], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

runCli(async () => {
  const { values } = parseCommandLine(usage, {
    options: {
      issuer: { type: 'string' },
      'client-id': { type: 'string' },
      deployed: { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      print: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (values.print) {
    process.stdout.write(`${await currentIdToken()}\n`);
    return 0;
  }
  const target = targetOf(values);
  const tokens = await signIn({
    ...target,
    ...(values.timeout ? { timeoutMs: durationArgument(values.timeout) } : {}),
    showSignInPage: (url) => {
      process.stderr.write(`Sign in at:\n  ${url.href}\n`);
      if (!values['no-browser']) openBrowser(url);
    },
  });
  saveSignIn({ issuer: target.issuer, clientId: target.clientId, ...tokens });
  const claims = claimsOf(tokens.idToken);
  process.stderr.write(
    `Signed in as ${String(claims['name'] ?? claims['sub'])} (${String(claims['sub'])}) at ${target.issuer}.\n` +
      'Other commands use this sign-in; `pnpm -s sign-in --print` prints its token.\n',
  );
  return 0;
});
