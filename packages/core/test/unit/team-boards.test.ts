import { describe, expect, it } from 'vitest';
import { isTeamBoardId, parseBoardId, teamBoardId, userBoardOfTeamBoard } from '../../src/boards.ts';

describe('team boards', () => {
  it('names the team board of every user board, and reads it back', () => {
    for (const userBoard of ['global', 'program:spring', 'week:2026-W47']) {
      const teamBoard = teamBoardId(userBoard);
      expect(teamBoard).toBe(`team:${userBoard}`);
      expect(isTeamBoardId(teamBoard)).toBe(true);
      expect(isTeamBoardId(userBoard)).toBe(false);
      expect(userBoardOfTeamBoard(teamBoard)).toBe(userBoard);
      expect(parseBoardId(teamBoard)).toEqual({
        ok: true,
        value: { kind: 'team', boardId: teamBoard, userBoardId: userBoard },
      });
    }
  });

  it.each(['team:', 'team:nope', 'team:team:global', 'team:week:2026-W99'])(
    'refuses %j as a ValidationError',
    (boardId) => {
      const outcome = parseBoardId(boardId);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok)
        expect(outcome.error).toMatchObject({ errorType: 'ValidationError', field: 'boardId' });
    },
  );
});
