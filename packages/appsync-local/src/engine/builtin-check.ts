/**
 * Built-in methods APPSYNC_JS does not offer, found on a bundle's syntax tree where a call
 * names them. Calls reached another way (`f["call"]`, an alias) meet the sandbox's runtime
 * replacements in `runtime-refusals.ts`, which raise the same refusal.
 */
import type { Node } from 'acorn';

type AnyNode = Node & Record<string, unknown>;

/** The method names whose call is refused, whatever object they are called on. */
const refusedMethods = new Map<string, string>([
  // "The `apply`, `bind`, and `call` methods not are supported." (Supported runtime features, Function)
  ['call', '`Function.prototype.call` is not supported'],
  ['apply', '`Function.prototype.apply` is not supported'],
  ['bind', '`Function.prototype.bind` is not supported'],
  // The String functions the docs list ("The following strings are supported: ...") have no
  // padding: `padStart`/`padEnd` do not exist there.
  ['padStart', '`String.prototype.padStart` is not supported: it is not among APPSYNC_JS string functions'],
  ['padEnd', '`String.prototype.padEnd` is not supported: it is not among APPSYNC_JS string functions'],
]);

/** Static methods refused on a named built-in: `Array.from`. */
const refusedStatics = new Map<string, string>([
  // The Array functions the docs list are all `Array.prototype.*`; `Array.from` is not one.
  ['Array.from', '`Array.from` is not supported: it is not among APPSYNC_JS array functions'],
]);

const memberName = (member: AnyNode): string | undefined => {
  const property = member.property as AnyNode;
  if (!member.computed && property.type === 'Identifier') return property.name as string;
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  return undefined;
};

/** Why a call may not run on APPSYNC_JS, or `undefined` when nothing refuses it. */
export function refusedCall(call: AnyNode): string | undefined {
  const callee = call.callee as AnyNode;
  if (callee.type !== 'MemberExpression') return undefined;
  const name = memberName(callee);
  if (name === undefined) return undefined;
  const object = callee.object as AnyNode;
  if (object.type === 'Identifier') {
    const staticReason = refusedStatics.get(`${String(object.name)}.${name}`);
    if (staticReason) return staticReason;
  }
  // "`Array.prototype.sort()` doesn't support arguments." (Supported runtime features, Array)
  if (name === 'sort' && (call.arguments as unknown[]).length > 0)
    return '`Array.prototype.sort()` does not support arguments: sort without a comparator';
  return refusedMethods.get(name);
}
