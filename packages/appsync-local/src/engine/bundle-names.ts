/**
 * What the sandbox check needs to know of a bundle's names: every name it declares (a bundle
 * that declares `process` itself may use it), the identifiers that sit in property positions
 * (`ctx.process`, `{ fetch: 1 }` are no references), and the `require` shim esbuild adds.
 */
import type { Node, Program } from 'acorn';
import { full } from 'acorn-walk';

export type AnyNode = Node & Record<string, unknown>;

/**
 * esbuild turns `require(...)` in an ESM bundle into calls to a `__require` shim it declares
 * at the top. The shim's own code is the bundler's, so the refusal belongs on each call site.
 */
export const requireShimName = '__require';

export function findRequireShim(program: Program): Node | undefined {
  return program.body.find(
    (statement) =>
      statement.type === 'VariableDeclaration' &&
      statement.declarations.some(
        (declarator) => declarator.id.type === 'Identifier' && declarator.id.name === requireShimName,
      ),
  );
}

/** Every name bound anywhere in the module; a bundle that declares `process` itself may use it. */
export function collectDeclaredNames(program: Program): Set<string> {
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

/** Where identifiers stand that name a property, not a variable: `line:column` each. */
export function collectPropertyIdentifierPositions(program: Program): Set<string> {
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
