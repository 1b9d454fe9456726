/**
 * The local issuer's sign-in page: who you are (user id, display name, an optional team, admin
 * or not), no password. The authorization request travels in hidden fields, so the form's POST
 * carries everything `/authorize` needs.
 */

export interface SignInFields {
  /** Shown above the form: why the last attempt was refused. */
  readonly message?: string;
}

export interface SignInPageContent {
  readonly issuer: string;
  /** The authorization request's parameters (absent: an error page, no form). */
  readonly parameters?: URLSearchParams;
  readonly fields?: SignInFields;
  /** A request that cannot be answered by redirecting back: shown instead of the form. */
  readonly error?: string;
}

const userFieldNames = new Set(['user_id', 'display_name', 'team', 'admin']);

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );
}

const style = `body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.4rem}label{display:block;margin:.9rem 0 .25rem}input[type=text]{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
.check{display:flex;gap:.5rem;align-items:center}.check label{margin:0}button{margin-top:1.2rem;padding:.6rem 1.2rem;font-size:1rem}
.note{color:#5b6475;font-size:.9rem}.error{color:#a4161a}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style></head><body>${body}</body></html>`;
}

function form(content: SignInPageContent, parameters: URLSearchParams): string {
  const value = (name: string) => escapeHtml(parameters.get(name) ?? '');
  const hidden = [...parameters]
    .filter(([name]) => !userFieldNames.has(name))
    .map(([name, text]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(text)}">`)
    .join('');
  const message = content.fields?.message
    ? `<p class="error" role="alert">${escapeHtml(content.fields.message)}</p>`
    : '';
  return `<h1>Sign in</h1><p class="note">Local issuer at ${escapeHtml(content.issuer)}: no password, whoever uses this machine says who they are.</p>${message}
<form method="post" action="/authorize">${hidden}
<label for="user_id">User id</label><input type="text" id="user_id" name="user_id" required maxlength="128" value="${value('user_id')}" autofocus>
<label for="display_name">Display name</label><input type="text" id="display_name" name="display_name" required maxlength="128" value="${value('display_name')}">
<label for="team">Team (optional)</label><input type="text" id="team" name="team" maxlength="128" value="${value('team')}">
<p class="check"><input type="checkbox" id="admin" name="admin"${parameters.get('admin') === 'on' ? ' checked' : ''}><label for="admin">Admin (the admins group)</label></p>
<button type="submit">Sign in</button></form>`;
}

export function signInPage(content: SignInPageContent): string {
  if (content.error !== undefined || !content.parameters) {
    return page(
      'Sign-in request refused',
      `<h1>Sign-in request refused</h1><p class="error">${escapeHtml(content.error ?? 'no request')}</p>`,
    );
  }
  return page('Sign in', form(content, content.parameters));
}
