/**
 * One `node:vm` context per resolver bundle, holding only what APPSYNC_JS offers: the
 * language built-ins, `util`/`runtime`/`extensions` (also as globals) and `console`. Host
 * code never hands the sandbox a host object: data crosses as JSON text parsed inside, and
 * utilities are sandbox functions that forward to a host bridge kept in a closure, so no
 * host prototype (and so no host `Function` constructor) is reachable from resolver code.
 */
import vm from 'node:vm';
import { HandlerHaltSignal, type InvocationScope } from './invocation-scope.ts';
import { runtimeModules, utilsModuleName } from './runtime-library.ts';
import { runtimeRefusalsSource } from './runtime-refusals.ts';
import { javaReplace } from './util/pattern.ts';

/**
 * Runs inside the context; `bridge`, `log` and `hostReplace` are host functions it keeps
 * private. A bridge reply is `{ value }`, `{ halt: true }` or `{ error }`: a failed utility
 * raises a sandbox `Error` here, so its stack runs through the resolver's own frames.
 */
const bootstrapSource = String.raw`(function bootstrap(bridge, log, manifest, installRefusals, hostReplace) {
  'use strict';
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const halt = Object.freeze({ appsyncHandlerHalt: true });
  const deepFreeze = (value) => {
    Object.freeze(value);
    Object.values(value).forEach((child) => { if (typeof child === 'object' && child !== null) deepFreeze(child); });
    return value;
  };
  const modules = {};
  Object.keys(manifest).forEach((moduleName) => {
    const root = {};
    manifest[moduleName].forEach((path) => {
      const parts = path.split('.');
      const leaf = parts.pop();
      const parent = parts.reduce((target, part) => (target[part] = target[part] || {}), root);
      const qualified = moduleName + ':' + path;
      parent[leaf] = function (...args) {
        const reply = parse(bridge(qualified, stringify(args)));
        if (reply.halt) throw halt;
        if (reply.error !== undefined) throw new Error(reply.error);
        return reply.value;
      };
    });
    modules[moduleName] = deepFreeze(root);
  });
  const utils = modules[${JSON.stringify(utilsModuleName)}];
  ['util', 'runtime', 'extensions'].forEach((name) => {
    Object.defineProperty(globalThis, name, { value: utils[name], enumerable: false, writable: false });
  });
  const write = (level) => (...args) => { log(level, stringify(args.map((arg) => (typeof arg === 'string' ? arg : stringify(arg))))); };
  Object.defineProperty(globalThis, 'console', {
    value: deepFreeze({ log: write('info'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') }),
  });
  ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef', 'eval'].forEach((name) => { delete globalThis[name]; });
  // Stack frames would hand resolver code the functions on the stack, host ones included.
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
  Object.defineProperty(Error, 'captureStackTrace', { value: undefined, writable: false, configurable: false });
  const guard = installRefusals(hostReplace);
  const evaluateModule = (factory) => {
    guard.reset();
    return factory(modules, guard.enter, guard.leave, guard.loop);
  };
  let pending;
  let current;
  Object.defineProperty(globalThis, '__appsyncInvoke', {
    value: function () {
      const call = pending;
      pending = undefined;
      current = parse(call.ctxJson);
      current.args = current.arguments;
      Object.freeze(current.env);
      guard.startClock(call.timeoutMs);
      try {
        // The module body runs again for every handler, so module-level state never outlives a request.
        const handlers = evaluateModule(call.factory);
        const value = handlers[call.name](current);
        return stringify({ value: value === undefined ? null : value });
      } finally {
        guard.startClock(0);
      }
    },
  });
  return {
    modules,
    halt,
    evaluate: evaluateModule,
    prepare(factory, name, ctxJson, timeoutMs) { pending = { factory, name, ctxJson, timeoutMs }; current = undefined; },
    readStash() { return current ? stringify(current.stash === undefined ? {} : current.stash) : undefined; },
  };
})`;

interface BootstrapHandle {
  readonly modules: Readonly<Record<string, unknown>>;
  readonly halt: unknown;
  evaluate(factory: unknown): Record<string, unknown>;
  prepare(factory: unknown, name: string, ctxJson: string, timeoutMs: number): void;
  readStash(): string | undefined;
}

export type SandboxLog = (entry: { level: string; message: string; file: string }) => void;

export interface Sandbox {
  readonly context: vm.Context;
  readonly modules: Readonly<Record<string, unknown>>;
  /**
   * Evaluates the module (`factory(modules, guardEnter, guardLeave)` gives its exports) and runs
   * export `name` with `ctx` parsed from `ctxJson`, `scope` receiving the utilities' effects.
   */
  call(
    factory: unknown,
    name: string,
    ctxJson: string,
    scope: InvocationScope,
    timeoutMs: number,
  ): SandboxCallResult;
  /** Evaluates the module once outside any request, to learn what it exports. */
  evaluate(factory: unknown, scope: InvocationScope): Record<string, unknown>;
}

export type SandboxCallResult =
  | { readonly kind: 'returned'; readonly value: unknown; readonly stash: unknown }
  | { readonly kind: 'halted'; readonly stash: unknown }
  | { readonly kind: 'threw'; readonly error: unknown; readonly stash: unknown };

const runtimeFileName = 'appsync-runtime';

/** `String.prototype.replace/replaceAll` in the sandbox: Java regex semantics, answered as JSON. */
const replaceInHost = (text: string, pattern: string, replacement: string, all: boolean): string => {
  try {
    return JSON.stringify({ value: javaReplace(text, pattern, replacement, all) });
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
  }
};

const invokeScript = new vm.Script('__appsyncInvoke()', { filename: 'appsync-invoke' });

export function createSandbox(file: string, log: SandboxLog | undefined): Sandbox {
  const context = vm.createContext({}, { name: file, codeGeneration: { strings: false, wasm: false } });
  let scope: InvocationScope | undefined;

  const bridge = (qualifiedName: string, argsJson: string): string => {
    const separator = qualifiedName.lastIndexOf(':');
    const moduleName = qualifiedName.slice(0, separator);
    const fn = runtimeModules[moduleName]?.[qualifiedName.slice(separator + 1)];
    if (!fn || !scope) return JSON.stringify({ error: `${qualifiedName} is not available here` });
    try {
      const value = fn(scope, ...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      if (error instanceof HandlerHaltSignal) {
        scope.halt = error.halt;
        return '{"halt":true}';
      }
      // A host error must not carry host prototypes into the sandbox: only its text crosses.
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  const writeLog = (level: string, argsJson: string): void => {
    log?.({ level, message: (JSON.parse(argsJson) as string[]).join(' '), file });
  };
  const manifest = JSON.stringify(
    Object.fromEntries(
      Object.entries(runtimeModules).map(([name, functions]) => [name, Object.keys(functions)]),
    ),
  );
  const bootstrap = vm.runInContext(bootstrapSource, context, { filename: runtimeFileName }) as (
    ...args: unknown[]
  ) => BootstrapHandle;
  const installRefusals = vm.runInContext(runtimeRefusalsSource, context, {
    filename: runtimeFileName,
  }) as unknown;
  const parseInContext = vm.runInContext('JSON.parse', context) as (text: string) => unknown;
  const handle = bootstrap(bridge, writeLog, parseInContext(manifest), installRefusals, replaceInHost);

  return {
    context,
    modules: handle.modules,
    evaluate(factory, invocationScope) {
      scope = invocationScope;
      try {
        return handle.evaluate(factory);
      } finally {
        scope = undefined;
      }
    },
    call(factory, name, ctxJson, invocationScope, timeoutMs) {
      scope = invocationScope;
      invocationScope.halt = undefined;
      handle.prepare(factory, name, ctxJson, timeoutMs);
      const stash = (): unknown => {
        const json = handle.readStash();
        return json === undefined ? undefined : (JSON.parse(json) as unknown);
      };
      try {
        // The limit is kept by the guards' clock inside the sandbox: Node's own `timeout` starts a
        // watchdog thread for every run, which cost more than the handlers themselves.
        const json = invokeScript.runInContext(context) as string;
        return { kind: 'returned', value: (JSON.parse(json) as { value: unknown }).value, stash: stash() };
      } catch (error) {
        if (error === handle.halt && invocationScope.halt) return { kind: 'halted', stash: stash() };
        return { kind: 'threw', error, stash: stash() };
      } finally {
        scope = undefined;
      }
    },
  };
}
