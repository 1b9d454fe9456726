/**
 * The APPSYNC_JS language subset, checked on a bundle's syntax tree before it runs: the
 * statements and operators the runtime refuses, and the Node.js globals it does not have.
 */
import type { Node, Program } from 'acorn';
import { full } from 'acorn-walk';
import { refusedCall } from './builtin-check.ts';
import {
  type AnyNode,
  collectDeclaredNames,
  collectPropertyIdentifierPositions,
  findRequireShim,
  requireShimName,
} from './bundle-names.ts';
import { findFunctionViolations } from './function-check.ts';

export interface SyntaxViolation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Globals that exist in Node.js but not in APPSYNC_JS; referencing one fails there. */
const unavailableGlobals = new Map<string, string>([
  ['require', '`require` is not available: import only from @aws-appsync/utils'],
  ['process', '`process` is not available: read configuration from ctx.env'],
  ['Buffer', '`Buffer` is not available: use util.base64Encode/base64Decode'],
  ['setTimeout', 'timers are not available'],
  ['setInterval', 'timers are not available'],
  ['setImmediate', 'timers are not available'],
  ['clearTimeout', 'timers are not available'],
  ['clearInterval', 'timers are not available'],
  ['queueMicrotask', 'timers are not available'],
  ['fetch', '`fetch` is not available: call other services through a data source'],
  ['XMLHttpRequest', 'network access is not available: use a data source'],
  ['eval', '`eval` is not available'],
  ['Function', 'the Function constructor is not available'],
  ['Promise', 'promises are not supported'],
  ['WebAssembly', 'WebAssembly is not available'],
  ['module', '`module` is not available: use ES module exports'],
  ['exports', '`exports` is not available: use ES module exports'],
  ['__dirname', '`__dirname` is not available'],
  ['__filename', '`__filename` is not available'],
  ['global', '`global` is not available'],
  // "Regular expressions are not supported." (Supported runtime features, String.prototype.replace())
  ['RegExp', '`RegExp` is not supported: regular expressions are not available'],
  // Not among the documented "Built-in objects and functions" (Math, Array, Console, Function, JSON).
  ['Set', '`Set` is not supported: it is not among APPSYNC_JS built-in objects'],
  ['Map', '`Map` is not supported: it is not among APPSYNC_JS built-in objects'],
]);

/** Syntax the runtime refuses wherever it appears, by node type. */
const refusedNodeTypes = new Map<string, string>([
  ['TryStatement', 'try/catch/finally is not supported'],
  ['ThrowStatement', '`throw` is not supported: use util.error'],
  ['WhileStatement', '`while` loops are not supported: use for-of or array methods'],
  ['DoWhileStatement', '`do ... while` loops are not supported: use for-of or array methods'],
  ['ForStatement', 'classic `for(;;)` loops are not supported: use for-of or array methods'],
  ['ContinueStatement', '`continue` is not supported'],
  ['LabeledStatement', 'labeled statements are not supported'],
  // "no-this: `this` keyword is not supported." (Configuring utilities for the APPSYNC_JS runtime)
  ['ThisExpression', 'the `this` keyword is not supported'],
  ['ClassDeclaration', 'classes are not supported'],
  ['ClassExpression', 'classes are not supported'],
  ['AwaitExpression', '`await` is not supported'],
  ['YieldExpression', '`yield` is not supported'],
  ['ImportExpression', 'dynamic `import()` is not supported'],
  ['MetaProperty', '`import.meta` / `new.target` are not supported'],
  ['DebuggerStatement', '`debugger` is not supported'],
]);

/** What the module binds, and esbuild's `require` shim if it has one. */
interface BundleScope {
  readonly declared: ReadonlySet<string>;
  readonly requireShim: Node | undefined;
}

export function findSandboxViolations(program: Program): SyntaxViolation[] {
  const scope: BundleScope = {
    declared: collectDeclaredNames(program),
    requireShim: findRequireShim(program),
  };
  const violations: SyntaxViolation[] = [];
  const report = (node: Node, message: string): void => {
    violations.push({
      offset: node.start,
      line: node.loc?.start.line ?? 0,
      column: node.loc?.start.column ?? 0,
      message,
    });
  };
  full(program, (node) => {
    for (const message of nodeRefusals(node as AnyNode, scope)) report(node, message);
  });
  for (const violation of findFunctionViolations(program)) report(violation.node, violation.message);
  return withoutFalseReports(program, violations, scope.requireShim);
}

/** Why the runtime refuses this one node; empty when it does not. */
function nodeRefusals(node: AnyNode, scope: BundleScope): string[] {
  const refused = refusedNodeTypes.get(node.type);
  if (refused) return [refused];
  switch (node.type) {
    case 'UpdateExpression':
      return [`\`${String(node.operator)}\` is not supported: use += 1 or -= 1`];
    case 'UnaryExpression':
      return node.operator === '~' ? ['the bitwise `~` operator is not supported'] : [];
    case 'BinaryExpression':
      return binaryOperatorRefusals(node);
    case 'Literal':
      // "Regular expressions are not supported." (Supported runtime features, String.prototype.replace())
      return node.regex ? ['regular expression literals are not supported'] : [];
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return [
        ...(node.async ? ['async functions are not supported'] : []),
        ...(node.generator ? ['generators are not supported'] : []),
      ];
    case 'CallExpression':
      return callRefusals(node, scope);
    case 'Identifier': {
      const reason = unavailableGlobals.get(node.name as string);
      return reason && !scope.declared.has(node.name as string) ? [reason] : [];
    }
    default:
      return [];
  }
}

function binaryOperatorRefusals(node: AnyNode): string[] {
  if (node.operator === 'in')
    return ['the `in` operator is not supported: use Object.keys or hasOwnProperty'];
  // "no-disallowed-binary-operators: The `instanceof` operator is not allowed." (Configuring utilities for the APPSYNC_JS runtime)
  if (node.operator === 'instanceof') return ['the `instanceof` operator is not supported'];
  return [];
}

function callRefusals(node: AnyNode, scope: BundleScope): string[] {
  const callee = node.callee as AnyNode;
  const refusals: string[] = [];
  if (scope.requireShim && callee.type === 'Identifier' && callee.name === requireShimName) {
    refusals.push(unavailableGlobals.get('require') as string);
  }
  const refusal = refusedCall(node);
  if (refusal) refusals.push(refusal);
  return refusals;
}

/**
 * Member names and object keys are Identifiers too (`ctx.process`, `{ fetch: 1 }`); only free
 * references count, so reports that sit on a property position are dropped, and so are those
 * inside the require shim, whose code is the bundler's. The rest in source order.
 */
function withoutFalseReports(
  program: Program,
  violations: readonly SyntaxViolation[],
  requireShim: Node | undefined,
): SyntaxViolation[] {
  const propertyPositions = collectPropertyIdentifierPositions(program);
  return violations
    .filter((violation) => !propertyPositions.has(`${violation.line}:${violation.column}`))
    .filter(
      (violation) =>
        !requireShim || violation.offset < requireShim.start || violation.offset >= requireShim.end,
    )
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
