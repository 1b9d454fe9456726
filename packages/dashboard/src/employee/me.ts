/**
 * The employee page: signs the user in (the authorization code flow with PKCE against the issuer
 * config.json names), then shows their page; signed out, a sign-in button.
 */
import { DashboardConfigError, type DashboardConfig } from '../view/config.ts';
import { loadConfig } from '../browser/load-config.ts';
import { byId, showText } from './dom.ts';
import { createEmployeeClient } from './employee-client.ts';
import { EmployeePage } from './employee-page.ts';
import type { SignedInUser } from './model/claims.ts';
import { SignInError, SignInSession } from './session.ts';

/** This page without query or fragment: where the issuer sends the browser back. */
const pageAddress = (): string => `${location.origin}${location.pathname}`;

/** `problem`: why the user is signed out, when it was not their choice; `notice`: anything else to say. */
function showSignedOut(session: SignInSession, said: { problem?: string; notice?: string } = {}): void {
  byId('signed-in').hidden = true;
  byId('who').hidden = true;
  byId('signed-out').hidden = false;
  showText(byId('alert'), said.problem);
  showText(byId('notice'), said.notice);
  const button = byId<HTMLButtonElement>('sign-in');
  button.disabled = false;
  button.onclick = () => {
    button.disabled = true;
    session.authorizationUrl().then(
      (url) => location.assign(url),
      (error: unknown) => showSignedOut(session, { problem: (error as Error).message }),
    );
  };
}

function showSignedIn(config: DashboardConfig, session: SignInSession, user: SignedInUser): void {
  byId('signed-out').hidden = true;
  byId('signed-in').hidden = false;
  byId('who').hidden = false;
  byId('who-name').textContent = user.team ? `${user.name} · ${user.team}` : user.name;
  // Called only after the page exists: by the token source and the page's callbacks.
  const end = (said: { problem?: string; notice?: string }) => {
    page.stop();
    showSignedOut(session, said);
  };
  const idToken = () =>
    session.idToken().catch((error: unknown) => {
      if (error instanceof SignInError && error.reason !== 'unreachable') end({ problem: error.message });
      throw error;
    });
  const page = new EmployeePage(createEmployeeClient(config, idToken), user, (message) => {
    session.signOut(pageAddress());
    end({ problem: message });
  });
  byId('sign-out').onclick = () => {
    const logout = session.signOut(pageAddress());
    if (logout) location.assign(logout);
    else end({ notice: 'You are signed out.' });
  };
  void page.start();
}

/** A callback from the issuer: completes the sign-in and takes the code out of the address bar. */
async function completeCallback(session: SignInSession): Promise<string | undefined> {
  const url = new URL(location.href);
  if (!SignInSession.isCallback(url)) return undefined;
  history.replaceState(null, '', pageAddress());
  try {
    await session.completeSignIn(url);
    return undefined;
  } catch (error) {
    return error instanceof SignInError ? error.message : 'Sign-in did not complete. Sign in again.';
  }
}

async function main(): Promise<void> {
  let config: DashboardConfig;
  try {
    config = await loadConfig();
    if (!config.signIn) throw new DashboardConfigError('config.json names no sign-in service ("signIn")');
  } catch (error) {
    showText(byId('alert'), (error as Error).message);
    return;
  }
  const session = new SignInSession({
    config: config.signIn,
    storage: sessionStorage,
    redirectUri: pageAddress(),
  });
  const failure = await completeCallback(session);
  const user = session.user();
  if (user) showSignedIn(config, session, user);
  else showSignedOut(session, failure ? { problem: failure } : {});
}

void main();
