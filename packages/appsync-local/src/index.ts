/**
 * A local AWS AppSync (see README.md): the APPSYNC_JS resolver engine and its data sources
 * (`createResolverEngine`, `createDataSources`), and the API that serves a schema through it
 * over HTTP and the real-time protocol with AppSync's auth modes and limits (`startLocalApi`).
 */
export * from './engine/index.ts';
export * from './server/index.ts';
