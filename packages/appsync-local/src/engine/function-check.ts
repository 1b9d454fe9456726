/**
 * The APPSYNC_JS limits on how functions are used, checked on a bundle's syntax tree: no
 * recursion (a cycle in the call graph of the module's named functions) and no function
 * passed as an argument except a callback to the documented Array methods. Functions reached
 * only through values (object members, aliases) are checked when they run, by the guard
 * `runtime-guard.ts` inserts into every function.
 */
import type { Node, Program } from 'acorn';
import { ancestor, full } from 'acorn-walk';

type AnyNode = Node & Record<string, unknown>;

export interface FunctionViolation {
  readonly node: Node;
  readonly message: string;
}

/**
 * "Array.prototype.forEach() ... map() ... findLastIndex()" are listed as supported, so the
 * callback they take is the one place a function may be an argument.
 */
const callbackMethods = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'find',
  'some',
  'every',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

const isFunctionNode = (node: AnyNode | null | undefined): boolean =>
  node?.type === 'FunctionDeclaration' ||
  node?.type === 'FunctionExpression' ||
  node?.type === 'ArrowFunctionExpression';

/** `function f() {}` and `const f = () => {}` at the module's top level, by name. */
function topLevelFunctions(program: Program): Map<string, Node> {
  const functions = new Map<string, Node>();
  const statements = program.body.map((statement) =>
    statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement,
  );
  for (const statement of statements as AnyNode[]) {
    if (statement.type === 'FunctionDeclaration' && statement.id)
      functions.set((statement.id as AnyNode).name as string, statement);
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as AnyNode[]) {
      const id = declarator.id as AnyNode;
      if (id.type === 'Identifier' && isFunctionNode(declarator.init as AnyNode))
        functions.set(id.name as string, declarator.init as Node);
    }
  }
  return functions;
}

function patternNames(pattern: AnyNode | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') into.add(pattern.name as string);
  else if (pattern.type === 'RestElement') patternNames(pattern.argument as AnyNode, into);
  else if (pattern.type === 'AssignmentPattern') patternNames(pattern.left as AnyNode, into);
  else if (pattern.type === 'ArrayPattern')
    for (const element of pattern.elements as AnyNode[]) patternNames(element, into);
  else if (pattern.type === 'ObjectPattern')
    for (const property of pattern.properties as AnyNode[])
      patternNames((property.type === 'RestElement' ? property : property.value) as AnyNode, into);
}

/** Names a function binds itself (parameters, declarations in its body), which shadow top-level ones. */
function localNames(fn: AnyNode): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params as AnyNode[]) patternNames(param, names);
  full(fn.body as Node, (node) => {
    const current = node as AnyNode;
    if (node.type === 'VariableDeclarator') patternNames(current.id as AnyNode, names);
    if (node.type === 'FunctionDeclaration') patternNames(current.id as AnyNode, names);
  });
  return names;
}

interface CallGraph {
  readonly edges: Map<string, { callee: string; call: Node }[]>;
  readonly violations: FunctionViolation[];
}

export function findFunctionViolations(program: Program): FunctionViolation[] {
  const functions = topLevelFunctions(program);
  const namesOf = new Map<Node, string>([...functions].map(([name, node]) => [node, name]));
  const localCache = new Map<Node, Set<string>>();
  const graph: CallGraph = { edges: new Map(), violations: [] };

  /** The top-level function `name` refers to at this point, unless a local binding shadows it. */
  const resolve = (name: string, ancestors: AnyNode[]): string | undefined => {
    if (!functions.has(name)) return undefined;
    const shadowed = ancestors.some((node) => {
      if (!isFunctionNode(node)) return false;
      if (!localCache.has(node)) localCache.set(node, localNames(node));
      return localCache.get(node)?.has(name) === true;
    });
    return shadowed ? undefined : name;
  };

  const onCall = (node: Node, _state: unknown, ancestors: Node[]): void => {
    const call = node as AnyNode;
    const scope = ancestors.slice(0, -1) as AnyNode[];
    const callee = call.callee as AnyNode;
    const caller = [...scope].reverse().find((ancestorNode) => namesOf.has(ancestorNode));
    const target = callee.type === 'Identifier' ? resolve(callee.name as string, scope) : undefined;
    if (caller && target) {
      const from = namesOf.get(caller) as string;
      graph.edges.set(from, [...(graph.edges.get(from) ?? []), { callee: target, call: node }]);
    }
    checkArguments(call, (name) => resolve(name, scope) !== undefined, graph.violations);
  };
  ancestor(program, { CallExpression: onCall, NewExpression: onCall });
  return [...graph.violations, ...recursiveCalls(graph.edges)];
}

function checkArguments(
  call: AnyNode,
  namesFunction: (name: string) => boolean,
  violations: FunctionViolation[],
): void {
  const callee = call.callee as AnyNode;
  const property = callee.type === 'MemberExpression' ? (callee.property as AnyNode) : undefined;
  const takesCallback =
    property !== undefined && !callee.computed && callbackMethods.has(property.name as string);
  // A comparator given to `sort` has its own, more precise refusal in `builtin-check.ts`.
  if (property !== undefined && !callee.computed && property.name === 'sort') return;
  (call.arguments as AnyNode[]).forEach((argument, index) => {
    const isFunction =
      isFunctionNode(argument) || (argument.type === 'Identifier' && namesFunction(argument.name as string));
    if (!isFunction || (takesCallback && index === 0)) return;
    // "Passing a function as an argument is not supported." (Supported runtime features, Function)
    violations.push({
      node: argument,
      message: 'passing a function as an argument is not supported (only as the callback of an Array method)',
    });
  });
}

/** Each call on a cycle of the call graph. */
function recursiveCalls(edges: CallGraph['edges']): FunctionViolation[] {
  const pathBack = (from: string, to: string, seen: Set<string>): string[] | undefined => {
    if (from === to) return [to];
    if (seen.has(from)) return undefined;
    seen.add(from);
    for (const edge of edges.get(from) ?? []) {
      const rest = pathBack(edge.callee, to, seen);
      if (rest) return [from, ...rest];
    }
    return undefined;
  };
  const violations: FunctionViolation[] = [];
  for (const [caller, calls] of edges) {
    for (const { callee, call } of calls) {
      const cycle = pathBack(callee, caller, new Set());
      if (!cycle) continue;
      // "Recursive function calls are not supported." (Supported runtime features, Function)
      violations.push({
        node: call,
        message: `recursive function calls are not supported (${[caller, ...cycle].join(' → ')})`,
      });
    }
  }
  return violations;
}
