/** Small DOM helpers: the page's elements by id, and elements built with text (never HTML). */

export class MissingElementError extends Error {
  override readonly name = 'MissingElementError';
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new MissingElementError(`the page has no #${id}`);
  return found as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: {
    readonly className?: string;
    readonly text?: string;
    readonly attributes?: Record<string, string>;
  } = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (props.className) created.className = props.className;
  if (props.text !== undefined) created.textContent = props.text;
  for (const [name, value] of Object.entries(props.attributes ?? {})) created.setAttribute(name, value);
  created.append(...children);
  return created;
}

/** Shows `text` in `target`, hiding it when there is none. */
export function showText(target: HTMLElement, text: string | undefined): void {
  target.textContent = text ?? '';
  target.hidden = !text;
}
