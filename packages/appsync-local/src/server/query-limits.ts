/**
 * AppSync's API-level query limits, checked before any resolver runs: `queryDepthLimit` (the
 * deepest field of the operation, fragments expanded) and `resolverCountLimit` (the fields with
 * a resolver the operation selects). And the bounds that keep a hostile document from taking
 * the server down: graphql-js parses, validates and executes recursively, so a document nested
 * a few thousand levels deep, directly or through a chain of fragments, would overflow the
 * stack. No library fits: graphql-depth-limit and its kin recurse through fragments themselves,
 * and none counts resolvers.
 *
 * Two passes, both without recursion:
 * 1. before parsing, a lexer scan measures how deeply braces and brackets nest (the parser's
 *    recursion) and how deeply fields nest inside each definition;
 * 2. after parsing, each definition is visited once and the fragments are combined bottom-up,
 *    so a fragment spread a million times over is still measured once.
 */
import {
  type DocumentNode,
  type ExecutableDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isAbstractType,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  Source,
  type Token,
  TokenKind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DocumentNestingError, QueryDepthLimitError, ResolverCountLimitError } from './errors.ts';

export interface QueryLimits {
  /** AppSync's `queryDepthLimit`: 1-75 nested levels; 0 = no limit. */
  readonly queryDepthLimit: number;
  /** AppSync's `resolverCountLimit`: 1-10000 resolvers in one request. */
  readonly resolverCountLimit: number;
}

/** What AppSync applies when an API sets neither limit. */
export const appSyncDefaultLimits: QueryLimits = { queryDepthLimit: 0, resolverCountLimit: 10_000 };

/**
 * The emulator's own bounds. 15,000 tokens is graphql-java's default parser limit (the engine
 * AppSync runs); graphql-js overflows the stack between 1,000 and 2,000 levels of nesting, so 256
 * leaves a wide margin while exceeding anything AppSync's own depth limit (at most 75) allows.
 */
export const documentBounds = { maxTokens: 15_000, maxNesting: 256 } as const;

/** Whether a field of this type runs a resolver (for an interface or union: on any possible type). */
export type ResolverLookup = (typeName: string, fieldName: string) => boolean;

type Opening = 'field' | 'inlineFragment' | 'value' | 'arguments';

/**
 * Throws before parsing when braces and brackets nest deeper than the parser can take, or fields
 * nest deeper than the depth limit inside one definition (fragments only add to that depth).
 * Syntax errors are left for the parser to report.
 */
export function assertParsableNesting(query: string, limits: QueryLimits): void {
  const lexer = new Lexer(new Source(query));
  const open: Opening[] = [];
  let fieldDepth = 0;
  for (let count = 0; count <= documentBounds.maxTokens; count += 1) {
    let token: Token;
    try {
      token = lexer.advance();
    } catch {
      return;
    }
    if (token.kind === TokenKind.EOF) return;
    if (isClosing(token.kind)) {
      if (open.pop() === 'field') fieldDepth -= 1;
      continue;
    }
    const opening = openingOf(token, open[open.length - 1]);
    if (opening === undefined) continue;
    open.push(opening);
    if (opening === 'field') fieldDepth += 1;
    if (open.length > documentBounds.maxNesting) throw new DocumentNestingError(documentBounds.maxNesting);
    if (limits.queryDepthLimit > 0 && fieldDepth > limits.queryDepthLimit)
      throw new QueryDepthLimitError(limits.queryDepthLimit);
  }
}

const isClosing = (kind: TokenKind): boolean =>
  kind === TokenKind.BRACE_R || kind === TokenKind.BRACKET_R || kind === TokenKind.PAREN_R;

/**
 * What an opening token starts. A brace directly inside a selection set (or at the top) is a
 * selection set: an inline fragment's when a `...` not followed by a fragment name leads to it,
 * else one level of fields. Any other brace or bracket is an input value or a list type.
 */
function openingOf(token: Token, enclosing: Opening | undefined): Opening | undefined {
  if (token.kind === TokenKind.PAREN_L) return 'arguments';
  if (token.kind === TokenKind.BRACKET_L) return 'value';
  if (token.kind !== TokenKind.BRACE_L) return undefined;
  if (enclosing === 'value' || enclosing === 'arguments') return 'value';
  return followsInlineFragmentHead(token) ? 'inlineFragment' : 'field';
}

/** `... {`, `... on T {`, `... on T @d(x: 1) {`: the head, read backwards from the brace. */
function followsInlineFragmentHead(brace: Token): boolean {
  let token = brace.prev;
  while (token !== null) {
    const name = token.kind === TokenKind.PAREN_R ? tokenBeforeArguments(token) : token;
    if (name?.kind !== TokenKind.NAME || name.prev?.kind !== TokenKind.AT) break;
    token = name.prev.prev;
  }
  if (token?.kind === TokenKind.NAME && token.prev?.kind === TokenKind.NAME && token.prev.value === 'on')
    token = token.prev.prev;
  return token?.kind === TokenKind.SPREAD;
}

/** The token before the `(` of this `)` (argument lists do not nest). */
function tokenBeforeArguments(closing: Token): Token | null {
  for (let token = closing.prev; token !== null; token = token.prev)
    if (token.kind === TokenKind.PAREN_L) return token.prev;
  return null;
}

interface DefinitionFacts {
  /** Deepest field inside the definition itself. */
  readonly depth: number;
  /** Deepest selection (fields and inline fragments) inside the definition itself. */
  readonly nesting: number;
  /** Fields with a resolver the definition selects itself. */
  readonly resolvers: number;
  /** Fragment spreads, each with the fields and the selections that enclose it. */
  readonly spreads: readonly { readonly name: string; readonly depth: number; readonly nesting: number }[];
}

type Totals = Omit<DefinitionFacts, 'spreads'>;

/**
 * Throws when the operation is deeper or selects more resolvers than the limits allow, or when
 * any definition nests, fragments expanded, deeper than the runtime's bound. Undefined
 * fragments and fragment cycles are left for validation to report.
 */
export function assertWithinLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  limits: QueryLimits,
  hasResolver: ResolverLookup,
): void {
  const resolves = resolverCheck(schema, hasResolver);
  const facts = new Map<string, DefinitionFacts>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      facts.set(definition.name.value, definitionFacts(schema, definition, resolves));
  }
  const fragments = combineFragments(facts);
  for (const fragment of fragments.values())
    if (fragment.nesting > documentBounds.maxNesting)
      throw new DocumentNestingError(documentBounds.maxNesting);
  const totals = withFragments(definitionFacts(schema, operation, resolves), fragments);
  if (totals.nesting > documentBounds.maxNesting) throw new DocumentNestingError(documentBounds.maxNesting);
  if (limits.queryDepthLimit > 0 && totals.depth > limits.queryDepthLimit)
    throw new QueryDepthLimitError(limits.queryDepthLimit);
  if (totals.resolvers > limits.resolverCountLimit)
    throw new ResolverCountLimitError(limits.resolverCountLimit);
}

function resolverCheck(
  schema: GraphQLSchema,
  hasResolver: ResolverLookup,
): (parent: GraphQLCompositeType, fieldName: string) => boolean {
  return (parent, fieldName) =>
    isAbstractType(parent)
      ? schema.getPossibleTypes(parent).some((type) => hasResolver(type.name, fieldName))
      : hasResolver(parent.name, fieldName);
}

/**
 * One visit of a definition (graphql-js's visitor keeps its own stack). A field selected twice
 * under one response key counts twice though it runs once, and a resolver under a list counts
 * once though it runs for each item: the count is of what the document selects.
 */
function definitionFacts(
  schema: GraphQLSchema,
  definition: ExecutableDefinitionNode,
  resolves: (parent: GraphQLCompositeType, fieldName: string) => boolean,
): DefinitionFacts {
  const typeInfo = new TypeInfo(schema);
  const spreads: { name: string; depth: number; nesting: number }[] = [];
  let depth = 0;
  let nesting = 0;
  const facts = { depth: 0, nesting: 0, resolvers: 0 };
  const enterSelection = () => {
    nesting += 1;
    facts.nesting = Math.max(facts.nesting, nesting);
  };
  const leaveSelection = () => {
    nesting -= 1;
  };
  visit(
    definition,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          enterSelection();
          depth += 1;
          facts.depth = Math.max(facts.depth, depth);
          const parent = typeInfo.getParentType();
          if (parent && resolves(parent, node.name.value)) facts.resolvers += 1;
        },
        leave() {
          leaveSelection();
          depth -= 1;
        },
      },
      InlineFragment: { enter: enterSelection, leave: leaveSelection },
      FragmentSpread(node) {
        spreads.push({ name: node.name.value, depth, nesting });
      },
    }),
  );
  return { ...facts, spreads };
}

/** A definition's totals with its spreads' totals added (a spread is one more level of nesting). */
function withFragments(facts: DefinitionFacts, fragments: ReadonlyMap<string, Totals>): Totals {
  let { depth, nesting, resolvers } = facts;
  for (const spread of facts.spreads) {
    const fragment = fragments.get(spread.name);
    if (!fragment) continue;
    depth = Math.max(depth, spread.depth + fragment.depth);
    nesting = Math.max(nesting, spread.nesting + 1 + fragment.nesting);
    resolvers = Math.min(Number.MAX_SAFE_INTEGER, resolvers + fragment.resolvers);
  }
  return { depth, nesting, resolvers };
}

/**
 * Every fragment's totals, each computed once after the fragments it spreads (an explicit stack
 * rather than recursion: a chain of fragments may be thousands long). A spread that closes a
 * cycle adds nothing here; validation refuses the cycle.
 */
function combineFragments(facts: ReadonlyMap<string, DefinitionFacts>): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  /** Fragments entered, with how many of their spreads were looked at so far. */
  const cursors = new Map<string, number>();
  for (const start of facts.keys()) {
    const stack = [start];
    while (stack.length > 0) {
      const name = stack[stack.length - 1] as string;
      const own = facts.get(name) as DefinitionFacts;
      const cursor = cursors.get(name) ?? 0;
      const spread = own.spreads[cursor];
      if (spread === undefined) {
        stack.pop();
        if (!totals.has(name)) totals.set(name, withFragments(own, totals));
        continue;
      }
      cursors.set(name, cursor + 1);
      if (facts.has(spread.name) && !cursors.has(spread.name)) stack.push(spread.name);
    }
  }
  return totals;
}
