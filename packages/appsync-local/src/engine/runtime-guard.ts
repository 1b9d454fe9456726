/**
 * Wraps every function of a resolver bundle in the sandbox's guard, so recursion and functions
 * passed as arguments are refused when they happen even where `function-check.ts` cannot see
 * them (a function reached through an object member or an alias). A block body becomes
 * `{ __appsyncEnter(id, name, params...); try { ... } finally { __appsyncLeave(id); } }`; an
 * expression body gets the same around `return (expr)`.
 *
 * Every `for...of` and `for...in` body starts with `__appsyncLoop();`, which ends a handler past
 * its time limit: APPSYNC_JS refuses every other loop and recursion, so with these checks a
 * handler cannot run on without passing one of them (see `runtime-refusals.ts`).
 *
 * The inserted text holds no line break, so lines stay put; `ColumnShifts` maps a column of
 * the running script back to the bundle's column on the same line.
 */
import type { Node, Program } from 'acorn';
import { full } from 'acorn-walk';

type AnyNode = Node & Record<string, unknown>;

export const guardEnterName = '__appsyncEnter';
export const guardLeaveName = '__appsyncLeave';
export const guardLoopName = '__appsyncLoop';

/** Text put in at `offset` of the bundle (its `line` 1-based, `column` 0-based). */
export interface Insertion {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly text: string;
}

const simpleParamNames = (params: AnyNode[]): string[] =>
  params.flatMap((param) => {
    const target =
      param.type === 'AssignmentPattern' ? (param.left as AnyNode) : (param as AnyNode | undefined);
    return target?.type === 'Identifier' ? [target.name as string] : [];
  });

function functionName(fn: AnyNode, parent: AnyNode | undefined): string {
  const id = fn.id as AnyNode | null | undefined;
  if (id?.type === 'Identifier') return id.name as string;
  const target = parent?.id ?? parent?.key;
  return (target as AnyNode | undefined)?.type === 'Identifier'
    ? ((target as AnyNode).name as string)
    : 'an anonymous function';
}

/** Builds insertions at offsets of `code`, knowing where its lines start. */
function inserter(code: string): (offset: number, text: string) => Insertion {
  const lineStarts = [0];
  for (let index = code.indexOf('\n'); index >= 0; index = code.indexOf('\n', index + 1))
    lineStarts.push(index + 1);
  return (offset, text) => {
    let line = lineStarts.length;
    while ((lineStarts[line - 1] as number) > offset) line -= 1;
    return { offset, line, column: offset - (lineStarts[line - 1] as number), text };
  };
}

/** The guard's insertions for every function, merged per offset in the order they must appear. */
export function guardInsertions(program: Program, code: string): Insertion[] {
  const at = inserter(code);
  const parents = new Map<Node, AnyNode>();
  full(program, (node) => {
    for (const value of Object.values(node as AnyNode)) {
      if (value && typeof value === 'object' && 'type' in value) parents.set(value as Node, node as AnyNode);
    }
  });
  const insertions: Insertion[] = [];
  let nextId = 0;
  full(program, (node) => {
    if (node.type === 'ForOfStatement' || node.type === 'ForInStatement') {
      insertions.push(...loopGuard(node as unknown as AnyNode, at));
      return;
    }
    if (
      node.type !== 'FunctionDeclaration' &&
      node.type !== 'FunctionExpression' &&
      node.type !== 'ArrowFunctionExpression'
    )
      return;
    const fn = node as unknown as AnyNode;
    const id = nextId;
    nextId += 1;
    const name = JSON.stringify(functionName(fn, parents.get(node)));
    const enter = `${guardEnterName}(${[id, name, ...simpleParamNames(fn.params as AnyNode[])].join(', ')}); try { `;
    const leave = ` } finally { ${guardLeaveName}(${id}); }`;
    const body = fn.body as AnyNode;
    if (body.type === 'BlockStatement') {
      insertions.push(at(body.start + 1, enter), at(body.end - 1, leave));
    } else {
      // After `=>` and at the arrow's end, so a parenthesised body stays whole.
      insertions.push(
        at(code.lastIndexOf('=>', body.start) + 2, `{ ${enter}return (`),
        at(node.end, `);${leave} }`),
      );
    }
  });
  return mergeByOffset(insertions);
}

/** The clock check at the start of a loop's body; a body that is not a block becomes one. */
function loopGuard(loop: AnyNode, at: (offset: number, text: string) => Insertion): Insertion[] {
  const body = loop.body as AnyNode;
  const check = `${guardLoopName}(); `;
  if (body.type === 'BlockStatement') return [at(body.start + 1, check)];
  return [at(body.start, `{ ${check}`), at(body.end, ' }')];
}

/** Insertions at one offset become one, in the order generated (inner functions close first). */
function mergeByOffset(insertions: Insertion[]): Insertion[] {
  const byOffset = new Map<number, Insertion>();
  for (const insertion of insertions) {
    const previous = byOffset.get(insertion.offset);
    byOffset.set(
      insertion.offset,
      previous ? { ...previous, text: previous.text + insertion.text } : insertion,
    );
  }
  return [...byOffset.values()];
}

export interface ColumnShifts {
  /** The bundle's 0-based column for a 0-based column of the running script on `line`. */
  originalColumn(line: number, column: number): number;
}

export function columnShifts(insertions: readonly Insertion[]): ColumnShifts {
  const byLine = new Map<number, Insertion[]>();
  for (const insertion of insertions)
    byLine.set(insertion.line, [...(byLine.get(insertion.line) ?? []), insertion]);
  for (const list of byLine.values()) list.sort((a, b) => a.column - b.column);
  return {
    originalColumn(line, column) {
      let shift = 0;
      for (const insertion of byLine.get(line) ?? []) {
        const insertedAt = insertion.column + shift;
        if (column < insertedAt) break;
        // A position inside inserted text belongs to the code it was put before.
        if (column < insertedAt + insertion.text.length) return insertion.column;
        shift += insertion.text.length;
      }
      return column - shift;
    },
  };
}
