/**
 * Sandbox-side source that makes the context's built-ins behave as APPSYNC_JS's: what the
 * runtime does not offer raises a `TypeError` where resolver code reaches it (however it got
 * there, so the checks `builtin-check.ts` cannot make statically are made here), and
 * `JSON.parse`, `replace` and `replaceAll` follow the documented semantics. It also builds the
 * function and loop guard that `runtime-guard.ts` inserts into every resolver function and loop,
 * with the handler's time limit.
 *
 * Evaluated once per context; `hostReplace(text, pattern, replacement, all)` answers JSON
 * (`{ value }` or `{ error }`) so no host object or host error ever reaches the sandbox.
 */
export const runtimeRefusalsSource = String.raw`(function installRefusals(hostReplace) {
  'use strict';
  const now = Date.now;
  const apply = Reflect.apply;
  const parse = JSON.parse;
  const defineProperty = Object.defineProperty;
  const refusal = (what, callerFrame) => {
    const error = new TypeError(what + ' is not supported by APPSYNC_JS');
    // Errors raised by the guard point at the call that entered the function, one frame up.
    if (callerFrame) defineProperty(error, 'appsyncCallerFrame', { value: true });
    return error;
  };
  const refuser = (what) => function refused() { throw refusal(what, false); };
  const lock = (target, name, value) => {
    defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });
  };

  // "The apply, bind, and call methods not are supported." (Supported runtime features, Function)
  ['call', 'apply', 'bind'].forEach((name) => lock(Function.prototype, name, refuser('Function.prototype.' + name)));
  // Not among the listed String functions.
  ['padStart', 'padEnd'].forEach((name) => lock(String.prototype, name, refuser('String.prototype.' + name)));
  // Not among the listed Array functions, which are all Array.prototype methods.
  lock(Array, 'from', refuser('Array.from'));
  // "Regular expressions are not supported."; Set and Map are not among the built-in objects.
  ['RegExp', 'Set', 'Map'].forEach((name) => lock(globalThis, name, refuser(name)));

  // "Array.prototype.sort() doesn't support arguments." (Supported runtime features, Array)
  const sort = Array.prototype.sort;
  lock(Array.prototype, 'sort', function sortWithoutArguments() {
    if (arguments.length > 0) throw refusal('Array.prototype.sort() with arguments', false);
    return apply(sort, this, []);
  });

  // "JSON.parse() Note: Returns a blank string if the parsed string is not valid JSON."
  lock(JSON, 'parse', function parseOrBlank(text) {
    if (arguments.length > 1) throw refusal('JSON.parse() with a reviver', false);
    try {
      return parse(text);
    } catch (invalid) {
      return '';
    }
  });

  // "String.prototype.replace() Note: Regular expressions are not supported. However,
  // Java-styled regular expression constructs are supported in the provided parameter."
  const javaReplace = (all) => function replace(pattern, replacement) {
    if (typeof pattern === 'function' || typeof replacement === 'function')
      throw refusal('passing a function as an argument', false);
    const reply = parse(hostReplace(String(this), String(pattern), String(replacement), all));
    if (reply.error !== undefined) throw new SyntaxError(reply.error);
    return reply.value;
  };
  lock(String.prototype, 'replace', javaReplace(false));
  lock(String.prototype, 'replaceAll', javaReplace(true));

  const active = Object.create(null);
  // The handler's time limit: checked on entering a function and at every loop iteration, the only
  // places APPSYNC_JS code can go on from (no while, no for(;;), no recursion, no RegExp).
  let deadline = Infinity;
  let limitMs = 0;
  const checkClock = () => {
    if (now() > deadline) {
      deadline = Infinity;
      throw new Error('Script execution timed out after ' + limitMs + 'ms');
    }
  };
  return {
    // "Recursive function calls are not supported." / "Passing a function as an argument is not supported."
    enter(id, name, ...args) {
      checkClock();
      if (active[id]) throw refusal('calling ' + name + ' while it runs (recursive function calls)', true);
      if (args.some((arg) => typeof arg === 'function')) throw refusal('passing a function as an argument', true);
      active[id] = true;
    },
    leave(id) {
      delete active[id];
    },
    loop: checkClock,
    /** Starts a handler's clock; with no limit the clock never runs out. */
    startClock(ms) {
      limitMs = ms;
      deadline = ms > 0 ? now() + ms : Infinity;
    },
    reset() {
      Object.keys(active).forEach((id) => { delete active[id]; });
    },
  };
})`;
