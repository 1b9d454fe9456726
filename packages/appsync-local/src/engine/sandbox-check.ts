/**
 * The APPSYNC_JS language subset, checked on a bundle's syntax tree before it runs: the
 * statements and operators the runtime refuses, and the Node.js globals it does not have.
 */
import type { Node, Program } from 'acorn';
import { full } from 'acorn-walk';
import { refusedCall } from './builtin-check.ts';
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

type AnyNode = Node & Record<string, unknown>;

export function findSandboxViolations(program: Program): SyntaxViolation[] {
  const violations: SyntaxViolation[] = [];
  const declared = collectDeclaredNames(program);
  const report = (node: Node, message: string): void => {
    violations.push({
      offset: node.start,
      line: node.loc?.start.line ?? 0,
      column: node.loc?.start.column ?? 0,
      message,
    });
  };
  const requireShim = findRequireShim(program);

  full(program, (node) => {
    const current = node as AnyNode;
    switch (node.type) {
      case 'TryStatement':
        report(node, 'try/catch/finally is not supported');
        break;
      case 'ThrowStatement':
        report(node, '`throw` is not supported: use util.error');
        break;
      case 'WhileStatement':
        report(node, '`while` loops are not supported: use for-of or array methods');
        break;
      case 'DoWhileStatement':
        report(node, '`do ... while` loops are not supported: use for-of or array methods');
        break;
      case 'ForStatement':
        report(node, 'classic `for(;;)` loops are not supported: use for-of or array methods');
        break;
      case 'ContinueStatement':
        report(node, '`continue` is not supported');
        break;
      case 'LabeledStatement':
        report(node, 'labeled statements are not supported');
        break;
      case 'UpdateExpression':
        report(node, `\`${String(current.operator)}\` is not supported: use += 1 or -= 1`);
        break;
      case 'UnaryExpression':
        if (current.operator === '~') report(node, 'the bitwise `~` operator is not supported');
        break;
      case 'BinaryExpression':
        if (current.operator === 'in')
          report(node, 'the `in` operator is not supported: use Object.keys or hasOwnProperty');
        // "no-disallowed-binary-operators: The `instanceof` operator is not allowed." (Configuring utilities for the APPSYNC_JS runtime)
        if (current.operator === 'instanceof') report(node, 'the `instanceof` operator is not supported');
        break;
      // "no-this: `this` keyword is not supported." (Configuring utilities for the APPSYNC_JS runtime)
      case 'ThisExpression':
        report(node, 'the `this` keyword is not supported');
        break;
      case 'Literal':
        // "Regular expressions are not supported." (Supported runtime features, String.prototype.replace())
        if (current.regex) report(node, 'regular expression literals are not supported');
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        report(node, 'classes are not supported');
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (current.async) report(node, 'async functions are not supported');
        if (current.generator) report(node, 'generators are not supported');
        break;
      case 'AwaitExpression':
        report(node, '`await` is not supported');
        break;
      case 'YieldExpression':
        report(node, '`yield` is not supported');
        break;
      case 'ImportExpression':
        report(node, 'dynamic `import()` is not supported');
        break;
      case 'MetaProperty':
        report(node, '`import.meta` / `new.target` are not supported');
        break;
      case 'DebuggerStatement':
        report(node, '`debugger` is not supported');
        break;
      case 'CallExpression': {
        const callee = current.callee as AnyNode;
        if (requireShim && callee.type === 'Identifier' && callee.name === requireShimName) {
          report(node, unavailableGlobals.get('require') as string);
        }
        const refusal = refusedCall(current);
        if (refusal) report(node, refusal);
        break;
      }
      case 'Identifier': {
        const name = current.name as string;
        const reason = unavailableGlobals.get(name);
        if (reason && !declared.has(name)) report(node, reason);
        break;
      }
      default:
        break;
    }
  });
  for (const violation of findFunctionViolations(program)) report(violation.node, violation.message);

  // Member names and object keys are Identifiers too (`ctx.process`, `{ fetch: 1 }`); only
  // free references count, so drop reports that sit on a property position.
  const propertyPositions = collectPropertyIdentifierPositions(program);
  return violations
    .filter((violation) => !propertyPositions.has(`${violation.line}:${violation.column}`))
    .filter(
      (violation) =>
        !requireShim || violation.offset < requireShim.start || violation.offset >= requireShim.end,
    )
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * esbuild turns `require(...)` in an ESM bundle into calls to a `__require` shim it declares
 * at the top. The shim's own code is the bundler's, so the refusal belongs on each call site.
 */
const requireShimName = '__require';

function findRequireShim(program: Program): Node | undefined {
  return program.body.find(
    (statement) =>
      statement.type === 'VariableDeclaration' &&
      statement.declarations.some(
        (declarator) => declarator.id.type === 'Identifier' && declarator.id.name === requireShimName,
      ),
  );
}

/** Every name bound anywhere in the module; a bundle that declares `process` itself may use it. */
function collectDeclaredNames(program: Program): Set<string> {
  const names = new Set<string>();
  const addPattern = (pattern: AnyNode | null | undefined): void => {
    if (!pattern) return;
    switch (pattern.type) {
      case 'Identifier':
        names.add(pattern.name as string);
        break;
      case 'ObjectPattern':
        for (const property of pattern.properties as AnyNode[]) {
          addPattern((property.type === 'RestElement' ? property.argument : property.value) as AnyNode);
        }
        break;
      case 'ArrayPattern':
        for (const element of pattern.elements as (AnyNode | null)[]) addPattern(element);
        break;
      case 'RestElement':
        addPattern(pattern.argument as AnyNode);
        break;
      case 'AssignmentPattern':
        addPattern(pattern.left as AnyNode);
        break;
      default:
        break;
    }
  };
  full(program, (node) => {
    const current = node as AnyNode;
    switch (node.type) {
      case 'VariableDeclarator':
        addPattern(current.id as AnyNode);
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        addPattern(current.id as AnyNode | null);
        for (const param of current.params as AnyNode[]) addPattern(param);
        break;
      case 'ClassDeclaration':
        addPattern(current.id as AnyNode | null);
        break;
      case 'CatchClause':
        addPattern(current.param as AnyNode | null);
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        addPattern(current.local as AnyNode);
        break;
      default:
        break;
    }
  });
  return names;
}

function collectPropertyIdentifierPositions(program: Program): Set<string> {
  const positions = new Set<string>();
  const mark = (node: AnyNode | undefined): void => {
    if (node?.type === 'Identifier' && node.loc)
      positions.add(`${node.loc.start.line}:${node.loc.start.column}`);
  };
  full(program, (node) => {
    const current = node as AnyNode;
    if (node.type === 'MemberExpression' && !current.computed) mark(current.property as AnyNode);
    if (
      (node.type === 'Property' || node.type === 'MethodDefinition' || node.type === 'PropertyDefinition') &&
      !current.computed &&
      !current.shorthand
    ) {
      mark(current.key as AnyNode);
    }
    if (node.type === 'ExportSpecifier') mark(current.exported as AnyNode);
    if (node.type === 'ImportSpecifier') mark(current.imported as AnyNode);
  });
  return positions;
}
