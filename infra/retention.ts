/**
 * A stage that keeps its data (production, see `settings.ts`) keeps every resource that holds
 * some: tables, the user pool, its admins group and the queues are retained when removed from
 * the program or the stage is removed, and protected, so a deploy that would delete or replace one stops instead.
 *
 * `removal: 'retain'` in `sst.config.ts` already retains tables (and buckets) but not the user
 * pool or the queues, and protects nothing; `protect: true` there only refuses `sst remove`.
 * A transformation by resource type covers every such resource, including ones SST components
 * create for us and ones added later.
 */

export const dataResourceTypes = [
  'aws:dynamodb/table:Table',
  'aws:cognito/userPool:UserPool',
  // Who the operators are: a replaced group comes back empty.
  'aws:cognito/userGroup:UserGroup',
  'aws:sqs/queue:Queue',
] as const;

const userPoolType = 'aws:cognito/userPool:UserPool';

export function keepDataResources(): void {
  $util.runtime.registerStackTransformation((args) => {
    if (!(dataResourceTypes as readonly string[]).includes(args.type)) return undefined;
    return {
      // Cognito refuses to delete a user pool with deletion protection on, whoever asks.
      props: args.type === userPoolType ? { ...args.props, deletionProtection: 'ACTIVE' } : args.props,
      opts: { ...args.opts, retainOnDelete: true, protect: true },
    };
  });
}
