export { startLocalStack, type LocalStack, type LocalStackOptions } from './local-stack.ts';
export { LocalStackStartError } from './errors.ts';
export { defaultPaths, localStateDirectory, repositoryRoot } from './paths.ts';
