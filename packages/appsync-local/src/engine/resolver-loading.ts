/**
 * Loading a resolver engine's bundles: each resolver's and pipeline function's bundle loaded and
 * checked, each paired with its data source or its functions; every failure is collected, so
 * one load reports them all together.
 */
import { join } from 'node:path';
import type { DataSourceRuntime } from './datasources/data-source.ts';
import { ResolverLoadError } from './errors.ts';
import { type LoadOptions, loadResolverModule, type ResolverModule } from './module-loader.ts';

/** A resolver attached to a field. */
export interface ResolverSpec {
  readonly typeName: string;
  readonly fieldName: string;
  /** Unit resolvers name their data source; pipeline resolvers list their functions. */
  readonly dataSource?: string;
  readonly pipeline?: readonly string[];
}

/** A pipeline function and the data source it calls. */
export interface PipelineFunctionSpec {
  readonly name: string;
  readonly dataSource: string;
}

/** What loading needs of the engine's options. */
export interface ResolverLoadOptions {
  /** Folder holding `<Type>.<field>.js` and `functions/<name>.js` bundles. */
  readonly bundlesDir: string;
  readonly resolvers: readonly ResolverSpec[];
  readonly pipelineFunctions: readonly PipelineFunctionSpec[];
  readonly dataSources: Readonly<Record<string, DataSourceRuntime>>;
  /** Structured log sink: one entry per resolver run and per `console.*` call in resolver code. */
  readonly log?: (entry: object) => void;
  /** Upper bound for one handler run. */
  readonly handlerTimeoutMs?: number;
}

/** A pipeline function's bundle with its data source. */
export interface Step {
  readonly module: ResolverModule;
  readonly dataSource: DataSourceRuntime;
}

export interface LoadedResolver {
  readonly spec: ResolverSpec;
  readonly module: ResolverModule;
  /** Unit resolvers have a data source; pipeline resolvers have functions. */
  readonly dataSource?: DataSourceRuntime;
  readonly functions?: readonly Step[];
}

/** One load of every bundle; failures are collected until `throwFailures`. */
class BundleLoad {
  private readonly failures: Error[] = [];
  private readonly moduleOptions: LoadOptions;

  constructor(private readonly options: ResolverLoadOptions) {
    this.moduleOptions = {
      timeoutMs: options.handlerTimeoutMs,
      log: options.log
        ? (entry: object) => options.log?.({ event: 'resolver-console', ...entry })
        : undefined,
    };
  }

  module(file: string): ResolverModule | undefined {
    try {
      const module = loadResolverModule(file, this.moduleOptions);
      if (!module.has('request') || !module.has('response')) {
        throw new ResolverLoadError(`${file} must export both \`request\` and \`response\` functions`);
      }
      return module;
    } catch (error) {
      this.failures.push(error as Error);
      return undefined;
    }
  }

  dataSource(name: string | undefined, owner: string): DataSourceRuntime | undefined {
    const dataSource = name === undefined ? undefined : this.options.dataSources[name];
    if (!dataSource)
      this.failures.push(
        new ResolverLoadError(`${owner} uses data source "${String(name)}", which is not configured`),
      );
    return dataSource;
  }

  fail(error: Error): void {
    this.failures.push(error);
  }

  throwFailures(): void {
    const failures = this.failures;
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) {
      throw new ResolverLoadError(
        `${failures.length} resolver bundles cannot be used:\n${failures.map((failure) => failure.message).join('\n')}`,
        {
          cause: failures,
        },
      );
    }
  }
}

/** Loads and checks every bundle the specs name; all failures are reported together. */
export function loadResolvers(options: ResolverLoadOptions): Map<string, LoadedResolver> {
  const load = new BundleLoad(options);
  const functions = new Map<string, Step>();
  for (const spec of options.pipelineFunctions) {
    const module = load.module(join(options.bundlesDir, 'functions', `${spec.name}.js`));
    const dataSource = load.dataSource(spec.dataSource, `pipeline function ${spec.name}`);
    if (module && dataSource) functions.set(spec.name, { module, dataSource });
  }
  const resolvers = new Map<string, LoadedResolver>();
  for (const spec of options.resolvers) {
    const resolver = loadResolver(options, load, functions, spec);
    if (resolver) resolvers.set(`${spec.typeName}.${spec.fieldName}`, resolver);
  }
  load.throwFailures();
  return resolvers;
}

function loadResolver(
  options: ResolverLoadOptions,
  load: BundleLoad,
  functions: ReadonlyMap<string, Step>,
  spec: ResolverSpec,
): LoadedResolver | undefined {
  const name = `${spec.typeName}.${spec.fieldName}`;
  const module = load.module(join(options.bundlesDir, `${name}.js`));
  if (spec.pipeline) {
    const steps = spec.pipeline.map((functionName) => {
      const step = functions.get(functionName);
      if (!step && options.pipelineFunctions.every((fn) => fn.name !== functionName)) {
        load.fail(
          new ResolverLoadError(`resolver ${name} lists unknown pipeline function "${functionName}"`),
        );
      }
      return step;
    });
    return module && steps.every(Boolean) ? { spec, module, functions: steps as Step[] } : undefined;
  }
  const dataSource = load.dataSource(spec.dataSource, `resolver ${name}`);
  return module && dataSource ? { spec, module, dataSource } : undefined;
}
