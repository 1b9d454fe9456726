export { startLocalStack, type LocalStack, type LocalStackOptions } from './local-stack.ts';
export { LocalStackStartError } from './errors.ts';
export { defaultPaths, localStateDirectory, repositoryRoot, stackFilePath } from './paths.ts';
export {
  readStackFile,
  removeStackFile,
  stackFileFor,
  writeStackFile,
  StackFileError,
  type StackFile,
} from './stack-file.ts';
