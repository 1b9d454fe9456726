/**
 * Loads an esbuild ESM resolver bundle into its own sandbox. `vm.SourceTextModule` needs
 * `--experimental-vm-modules`, so the module is rewritten into a script with acorn: imports
 * of `@aws-appsync/utils` become reads of the sandbox's modules, `export` keywords are
 * dropped and the exports returned, keeping every line where it was so stack traces and the
 * source map still point at the right lines. The syntax is checked against APPSYNC_JS first.
 */
import { parse, type ImportDeclaration, type Node, type Program } from 'acorn';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { ResolverLoadError, SandboxViolationError, type SandboxViolation } from './errors.ts';
import { createInvocationScope, type InvocationScope } from './invocation-scope.ts';
import { exportedNames } from './runtime-library.ts';
import {
  columnShifts,
  guardEnterName,
  guardInsertions,
  guardLeaveName,
  guardLoopName,
  type ColumnShifts,
} from './runtime-guard.ts';
import { createSandbox, type Sandbox, type SandboxCallResult, type SandboxLog } from './sandbox.ts';
import { findSandboxViolations } from './sandbox-check.ts';
import type { AppSyncError } from './types.ts';
import { createSourcePositionMapper, type SourcePositionMapper } from './source-position.ts';

export type HandlerName = 'request' | 'response';

export interface ResolverModule {
  readonly file: string;
  has(handler: HandlerName): boolean;
  /** Runs one handler with `ctx` built (inside the sandbox) from `ctxJson`. */
  call(handler: HandlerName, ctxJson: string, scope: InvocationScope): SandboxCallResult;
  /** `src/Query.x.ts:12:5`-style location of a runtime error thrown by resolver code, when known. */
  locate(error: unknown): string | undefined;
}

export interface LoadOptions {
  readonly log?: SandboxLog;
  /** Upper bound for one handler run, so a runaway recursion cannot hang the server. */
  readonly timeoutMs?: number;
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const modulesParameter = '__appsyncModules';

/** Same text with every character but line breaks turned into spaces: keeps lines and columns. */
const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ');

export function loadResolverModule(file: string, options: LoadOptions = {}): ResolverModule {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ResolverLoadError(`cannot read resolver bundle ${file}: ${(error as Error).message}`);
  }
  return loadResolverSource(file, code, options);
}

export function loadResolverSource(file: string, code: string, options: LoadOptions = {}): ResolverModule {
  const mapper = createSourcePositionMapper(file, code);
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    const position = (error as { loc?: { line: number; column: number } }).loc;
    const where = position ? mapper.describe(position.line, position.column) : file;
    throw new ResolverLoadError(`${where}: cannot parse resolver bundle: ${(error as Error).message}`);
  }

  const violations: SandboxViolation[] = findSandboxViolations(program).map((violation) => ({
    location: mapper.describe(violation.line, violation.column),
    message: violation.message,
  }));
  const { replacements, exports, moduleViolations } = rewriteModuleSyntax(program, code);
  violations.push(
    ...moduleViolations.map((violation) => ({
      location: mapper.describe(violation.node.loc?.start.line ?? 0, violation.node.loc?.start.column ?? 0),
      message: violation.message,
    })),
  );
  if (violations.length > 0)
    throw new SandboxViolationError(mapper.describe(1, 0).replace(/:1:1$/, ''), violations);

  const guard = guardInsertions(program, code);
  const { script, shifts } = buildScript(
    code,
    [...replacements, ...guard.map(asReplacement)],
    exports,
    guard,
  );

  const sandbox = createSandbox(file, options.log);
  let factory: unknown;
  let exportsAtLoad: Record<string, unknown>;
  try {
    factory = vm.runInContext(script, sandbox.context, { filename: scriptName(file) });
    exportsAtLoad = sandbox.evaluate(factory, createInvocationScope(null, loadInfo));
  } catch (error) {
    throw new ResolverLoadError(
      `${describeThrown(error, { file, mapper, shifts }) ?? file}: resolver bundle failed to load: ${messageOf(error)}`,
    );
  }
  return createResolverModule(
    sandbox,
    factory,
    exportsAtLoad,
    { file, mapper, shifts },
    options.timeoutMs ?? 10_000,
  );
}

const asReplacement = (insertion: { offset: number; text: string }): Replacement => ({
  start: insertion.offset,
  end: insertion.offset,
  text: insertion.text,
});

const sourceMapComment = '//# sourceMappingURL=';

/**
 * The running script's name: not the bundle's path, so no stack rewriting that reads the file
 * and its source map (test runners do) maps the guard-shifted columns.
 */
const scriptName = (file: string): string => `appsync:${file}`;

/**
 * The bundle as a function of the sandbox's modules and guard. Its source map comment is left
 * out: positions are mapped here, from columns the inserted guard has moved.
 */
function buildScript(
  code: string,
  replacements: readonly Replacement[],
  exports: ReadonlyMap<string, string>,
  guard: ReturnType<typeof guardInsertions>,
): { script: string; shifts: ColumnShifts } {
  const mapAt = code.lastIndexOf(sourceMapComment);
  let body = mapAt < 0 ? code : code.slice(0, mapAt);
  for (const replacement of [...replacements].sort((a, b) => b.start - a.start)) {
    body = body.slice(0, replacement.start) + replacement.text + body.slice(replacement.end);
  }
  const exported = [...exports].map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  const prefix = `(function (${modulesParameter}, ${guardEnterName}, ${guardLeaveName}, ${guardLoopName}) { 'use strict'; `;
  return {
    script: `${prefix}${body}\nreturn { ${exported} };\n})`,
    shifts: columnShifts([{ offset: 0, line: 1, column: 0, text: prefix }, ...guard]),
  };
}

/** What turns a running script's position into the resolver's own. */
interface PositionSource {
  readonly file: string;
  readonly mapper: SourcePositionMapper;
  readonly shifts: ColumnShifts;
}

/** `ctx.info` for the one evaluation at load time, which only learns the exports. */
const loadInfo = {
  fieldName: '',
  parentTypeName: '',
  variables: {},
  selectionSetList: [],
  selectionSetGraphQL: '',
};

function createResolverModule(
  sandbox: Sandbox,
  factory: unknown,
  exportsAtLoad: Record<string, unknown>,
  positions: PositionSource,
  timeoutMs: number,
): ResolverModule {
  return {
    file: positions.file,
    has: (handler) => typeof exportsAtLoad[handler] === 'function',
    call(handler, ctxJson, scope) {
      return sandbox.call(factory, handler, ctxJson, scope, timeoutMs);
    },
    locate: (error) => describeThrown(error, positions),
  };
}

/**
 * A runtime error in resolver code as the field error AppSync gives:
 * `errorType: 'Code'`, message `<file>:<line>:<col>: <Name>: <message>`, here with the
 * resolver's own source position.
 */
export function runtimeError(module: ResolverModule, error: unknown): AppSyncError {
  const location = module.locate(error);
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return {
    message: `${location ? `${location}: ` : ''}${typeof name === 'string' && name !== '' ? `${name}: ` : ''}${messageOf(error)}`,
    errorType: 'Code',
    data: null,
    errorInfo: null,
  };
}

const messageOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);

/**
 * Maps the innermost frame of resolver code to the resolver's source. Frames of the runtime
 * (a refused built-in, a utility, the guard) are skipped, and a host path is never named; the
 * guard's refusals mark that the call site is the frame above the refused function.
 */
function describeThrown(error: unknown, positions: PositionSource): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { stack, appsyncCallerFrame } = error as { stack?: unknown; appsyncCallerFrame?: unknown };
  if (typeof stack !== 'string') return undefined;
  let skip = appsyncCallerFrame === true ? 1 : 0;
  for (const line of stack.split('\n')) {
    const frame = /^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!frame || frame[1] !== scriptName(positions.file)) continue;
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    const frameLine = Number(frame[2]);
    return positions.mapper.describe(
      frameLine,
      positions.shifts.originalColumn(frameLine, Number(frame[3]) - 1),
    );
  }
  return undefined;
}

interface ModuleViolation {
  readonly node: Node;
  readonly message: string;
}

function rewriteModuleSyntax(
  program: Program,
  code: string,
): { replacements: Replacement[]; exports: Map<string, string>; moduleViolations: ModuleViolation[] } {
  const replacements: Replacement[] = [];
  const exports = new Map<string, string>();
  const moduleViolations: ModuleViolation[] = [];
  const original = (node: Node): string => code.slice(node.start, node.end);

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const text = importAsDeclaration(statement, moduleViolations);
        const source = original(statement);
        replacements.push({
          start: statement.start,
          end: statement.end,
          text: text + source.replace(/[^\r\n]/g, ''),
        });
        break;
      }
      case 'ExportNamedDeclaration': {
        if (statement.source) {
          moduleViolations.push({
            node: statement,
            message: 're-exporting from another module is not supported',
          });
        } else if (statement.declaration) {
          replacements.push({
            start: statement.start,
            end: statement.declaration.start,
            text: blank(code.slice(statement.start, statement.declaration.start)),
          });
          const declaration = statement.declaration;
          if (declaration.type === 'VariableDeclaration') {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type === 'Identifier') exports.set(declarator.id.name, declarator.id.name);
            }
          } else if (declaration.id) {
            exports.set(declaration.id.name, declaration.id.name);
          }
        } else {
          for (const specifier of statement.specifiers) {
            const local =
              specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
            const name =
              specifier.exported.type === 'Identifier'
                ? specifier.exported.name
                : String(specifier.exported.value);
            exports.set(name, local);
          }
          replacements.push({ start: statement.start, end: statement.end, text: blank(original(statement)) });
        }
        break;
      }
      case 'ExportDefaultDeclaration':
        moduleViolations.push({
          node: statement,
          message: 'default exports are not used: export `request` and `response`',
        });
        break;
      case 'ExportAllDeclaration':
        moduleViolations.push({
          node: statement,
          message: 're-exporting from another module is not supported',
        });
        break;
      default:
        break;
    }
  }
  return { replacements, exports, moduleViolations };
}

/** `import { util as u } from '@aws-appsync/utils'` to `const { util: u } = __appsyncModules["@aws-appsync/utils"];`. */
function importAsDeclaration(statement: ImportDeclaration, violations: ModuleViolation[]): string {
  const moduleName = String(statement.source.value);
  const available = exportedNames(moduleName);
  if (!available) {
    violations.push({
      node: statement,
      message: `cannot import "${moduleName}": APPSYNC_JS offers only @aws-appsync/utils and @aws-appsync/utils/dynamodb (bundle everything else)`,
    });
    return '';
  }
  const moduleRef = `${modulesParameter}[${JSON.stringify(moduleName)}]`;
  const declarations: string[] = [];
  const named: string[] = [];
  for (const specifier of statement.specifiers) {
    if (specifier.type === 'ImportNamespaceSpecifier') {
      declarations.push(`const ${specifier.local.name} = ${moduleRef};`);
    } else if (specifier.type === 'ImportDefaultSpecifier') {
      violations.push({ node: specifier, message: `"${moduleName}" has no default export` });
    } else {
      const imported =
        specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
      if (!available.has(imported)) {
        violations.push({ node: specifier, message: `"${moduleName}" does not export "${imported}"` });
      }
      named.push(`${JSON.stringify(imported)}: ${specifier.local.name}`);
    }
  }
  if (named.length > 0) declarations.push(`const { ${named.join(', ')} } = ${moduleRef};`);
  return declarations.join(' ');
}
