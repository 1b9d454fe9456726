import type { StoredProgram } from '@leaderboard/core/items/program';
import type { StoredProgress } from '@leaderboard/core/items/progress';

/** What `myProgress` and `myPrograms` put in the stash for their functions. */
export interface ProgressStash {
  userId: string;
  /** myProgress: the program asked for. */
  programId?: string;
  /** myProgress: the program, or null when none has the id. */
  program?: StoredProgram | null;
  /** myPrograms: every program, in id order. */
  programs?: StoredProgram[];
  /** The caller's progress items read (myProgress: at most one). */
  progress?: StoredProgress[];
}
