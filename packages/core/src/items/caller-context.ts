/**
 * The caller as the Lambda authorizer hands them to resolvers (`resolverContext`, read as
 * `ctx.identity.resolverContext`). Not a stored item, but a contract between two runtimes all
 * the same. AppSync takes string values only, so the groups travel comma-separated, and a
 * caller without a team has no `teamId`. Bundled into APPSYNC_JS resolvers.
 */
import {
  finishReading,
  nonEmptyText,
  optionalText,
  startReading,
  textAttribute,
  type Decoded,
} from './item.ts';

export const callerContextAttributes = {
  userId: 'userId',
  displayName: 'displayName',
  groups: 'groups',
  teamId: 'teamId',
} as const;

/** What `ctx.identity.resolverContext` holds. */
export type CallerContext = Record<string, string>;

export interface Caller {
  /** The token's subject. */
  readonly userId: string;
  readonly displayName: string;
  readonly groups: readonly string[];
  /** The team the token's team claim names, if any (an admin's assignment may override it). */
  readonly teamId: string | null;
}

const groupSeparator = ',';

/** Members of this group administer the service: programs, and the operators' actions. */
export const adminsGroup = 'admins';

export const isAdmin = (caller: Pick<Caller, 'groups'>): boolean => caller.groups.indexOf(adminsGroup) >= 0;

/** A group whose name holds the separator cannot travel in the context: it is left out. */
export function encodeCallerContext(caller: Caller): CallerContext {
  const names = callerContextAttributes;
  const team: CallerContext = caller.teamId === null ? {} : { [names.teamId]: caller.teamId };
  return {
    ...team,
    [names.userId]: caller.userId,
    [names.displayName]: caller.displayName,
    [names.groups]: caller.groups
      .filter((group) => group.length > 0 && group.indexOf(groupSeparator) < 0)
      .join(groupSeparator),
  };
}

export function parseCallerContext(context: unknown): Decoded<Caller> {
  const names = callerContextAttributes;
  const reader = startReading(context, 'caller context', null);
  const userId = nonEmptyText(reader, names.userId);
  const displayName = nonEmptyText(reader, names.displayName);
  const groups = textAttribute(reader, names.groups);
  return finishReading(reader, {
    userId,
    displayName,
    groups: groups.length > 0 ? groups.split(groupSeparator) : [],
    teamId: optionalText(reader, names.teamId),
  });
}
