/**
 * The programs a simulation records activities for: the running programs the API lists, or the
 * ones asked for among them. With none running, it creates one, signed in as an admin (the
 * local issuer puts the `admins` group in the token), as an admin would before a challenge.
 */
import { activityCatalog } from '@leaderboard/core';
import {
  CreateProgramDocument,
  ProgramsDocument,
  UpdateProgramDocument,
  type ProgramsQuery,
} from '@leaderboard/core/generated/operations';
import type { StackFile } from '@leaderboard/local/stack/stack-file';
import { CliError, UsageError } from './errors.ts';
import { executeGraphQL, type GraphQLOutcome } from './graphql-client.ts';
import type { SimulatedProgram } from './simulation.ts';
import { trustedCertificate } from './stack-connection.ts';
import { requestToken } from './token-client.ts';

/** The program was listed or created, but the API did not answer as it should. */
export class ProgramSetupError extends CliError {
  override readonly name = 'ProgramSetupError';
}

const createdProgramDays = 30;

function dataOf<Data>(outcome: GraphQLOutcome<Data>, what: string): Data {
  if (outcome.kind === 'data') return outcome.data;
  const reason =
    outcome.kind === 'failure'
      ? outcome.message
      : outcome.errors.map((error) => `${error.errorType ?? 'Error'}: ${error.message}`).join('; ');
  throw new ProgramSetupError(`${what}: ${reason}`);
}

async function runningPrograms(
  stack: Pick<StackFile, 'graphqlUrl' | 'apiKey' | 'certificateFile'>,
): Promise<SimulatedProgram[]> {
  const outcome = await executeGraphQL(
    stack.graphqlUrl,
    ProgramsDocument,
    { status: 'ACTIVE' },
    {
      'x-api-key': stack.apiKey,
    },
    trustedCertificate(stack),
  );
  return dataOf<ProgramsQuery>(outcome, 'listing the running programs').programs.map((program) => ({
    id: program.id,
    activityTypes: program.activityTypes,
  }));
}

/** Creates today's simulation program (or reopens it, when an earlier run left it ended). */
async function createProgram(
  stack: Pick<StackFile, 'graphqlUrl' | 'tokenService' | 'certificateFile'>,
): Promise<SimulatedProgram> {
  const token = await requestToken(stack, {
    sub: 'simulation-admin',
    name: 'Simulation admin',
    groups: ['admins'],
  });
  const now = Date.now();
  const input = {
    id: `simulation-${new Date(now).toISOString().slice(0, 10)}`,
    name: 'Simulation challenge',
    description: 'Created by pnpm simulate because no program was running.',
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + createdProgramDays * 86_400_000).toISOString(),
    activityTypes: activityCatalog.map((definition) => definition.type),
    pointsGoal: 1000,
  };
  const headers = { authorization: token };
  const certificate = trustedCertificate(stack);
  const created = await executeGraphQL(
    stack.graphqlUrl,
    CreateProgramDocument,
    { input },
    headers,
    certificate,
  );
  const inUse =
    created.kind === 'errors' && created.errors.some((error) => error.errorType === 'ValidationError');
  const program = inUse
    ? dataOf(
        await executeGraphQL(stack.graphqlUrl, UpdateProgramDocument, { input }, headers, certificate),
        'reopening a program',
      ).updateProgram
    : dataOf(created, 'creating a program').createProgram;
  return { id: program.id, activityTypes: program.activityTypes };
}

/**
 * `requested`: program ids to use, each of which must be running; null for every running
 * program, or a new one when none runs. Returns whether it created one.
 */
export async function programsForSimulation(
  stack: Pick<StackFile, 'graphqlUrl' | 'apiKey' | 'tokenService' | 'certificateFile'>,
  requested: readonly string[] | null,
): Promise<{ programs: SimulatedProgram[]; created: boolean }> {
  const running = await runningPrograms(stack);
  if (requested !== null) {
    const missing = requested.filter((id) => !running.some((program) => program.id === id));
    if (missing.length > 0) {
      throw new UsageError(
        `--programs names ${missing.join(', ')}, not running now (running: ${running.map((p) => p.id).join(', ') || 'none'})`,
      );
    }
    return { programs: running.filter((program) => requested.includes(program.id)), created: false };
  }
  if (running.length > 0) return { programs: running, created: false };
  return { programs: [await createProgram(stack)], created: true };
}
