/**
 * The replay job (`packages/functions/src/replay.ts`): a Lambda that replays every aggregate from
 * the Activities log and invokes itself to go on. Links and grants come from its core spec; the
 * one grant naming the function itself (to invoke itself) can only be written once the function
 * exists, so it goes in a policy of its own on the function's role. Start it with an asynchronous
 * invocation of the function named by the `replayFunctionName` output (README, "Operating the service").
 */
import { replayFunction } from '@leaderboard/core/functions';
import type { Grant } from '@leaderboard/core/access';
import { policyStatements, register } from './access.ts';
import { functionArgsFromSpec } from './functions.ts';
// The job links both tables, so they are created first.
import './storage.ts';

const namesItself = (grant: Grant): boolean =>
  grant.resources.some(
    (resource) => resource.kind === 'function' && resource.function === replayFunction.name,
  );

export const replay = register(
  replayFunction.name,
  new sst.aws.Function(
    replayFunction.name,
    functionArgsFromSpec({
      ...replayFunction,
      grants: replayFunction.grants.filter((grant) => !namesItself(grant)),
    }),
  ),
);

export const replaySelfInvoke = new aws.iam.RolePolicy('ReplaySelfInvokePolicy', {
  role: replay.nodes.role.id,
  policy: aws.iam.getPolicyDocumentOutput({
    statements: policyStatements({ grants: replayFunction.grants.filter(namesItself) }),
  }).json,
});
