/**
 * The signed-in page: reads the catalog and the user's programs, rank, team and history, records
 * activities, and re-reads what an activity changes once the service has counted it and whenever
 * the picked board is republished.
 */
import { globalBoardId, teamBoardId } from '@leaderboard/core/boards';
import { byId, showText } from './dom.ts';
import {
  EmployeeRequestError,
  type ActivityType,
  type EmployeeClient,
  type Program,
} from './employee-client.ts';
import { showHistory } from './history-view.ts';
import { LiveRefresh } from './live-refresh.ts';
import { standingBoards } from './model/boards.ts';
import type { SignedInUser } from './model/claims.ts';
import { historyLine } from './model/history.ts';
import { progressLines } from './model/progress.ts';
import { recordInputOf, type RecordFormValues } from './model/record-input.ts';
import { recordProblemOf, signInAgainMessage } from './model/record-problem.ts';
import { standingSummary } from './model/standing.ts';
import { teamSummary } from './model/team.ts';
import { showProgress } from './progress-view.ts';
import { RecordForm, recordFields } from './record-form.ts';
import { showBoards, showLive, showStanding } from './standing-view.ts';
import { showTeam } from './team-view.ts';
import type { RequestFailure } from '../browser/request-error.ts';

/** People shown above and below the user. */
const around = 3;
const historyPageSize = 10;
/** How long the page waits for the service to count a recorded activity before leaving it to live updates. */
const countingTimeoutMs = 30_000;
const countingPollMs = 1_000;

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class EmployeePage {
  private readonly form = new RecordForm((values) => void this.record(values));
  private readonly live: LiveRefresh;
  private types: readonly ActivityType[] = [];
  private programs: readonly Program[] = [];
  private boardId = globalBoardId;
  private historyToken: string | null = null;
  /** Pages of history on screen: the first is re-read with the rest of the page, later ones are left as read. */
  private historyPages = 0;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;

  constructor(
    private readonly client: EmployeeClient,
    private readonly user: SignedInUser,
    /** The API no longer accepts the user's token. */
    private readonly signedOut: (message: string) => void,
  ) {
    this.live = new LiveRefresh({
      client,
      refresh: () => this.queueRefresh(),
      showState: showLive,
      refused: () => this.signedOut(signInAgainMessage),
    });
    byId('history-more').addEventListener('click', () => {
      this.readHistory(true).catch((error: unknown) => this.failed(error));
    });
  }

  /** Reads the catalog and the user's figures, then follows the board; a failure is said on the page. */
  async start(): Promise<void> {
    try {
      const [types, programs] = await Promise.all([
        this.client.activityTypes(),
        this.client.activePrograms(),
      ]);
      this.types = types;
      this.programs = programs;
      this.form.setCatalog(types, programs);
      showBoards(standingBoards(Date.now(), programs), this.boardId, (boardId) => this.pick(boardId));
      await this.refresh();
      this.live.follow(this.watchedBoards());
    } catch (error) {
      this.failed(error, 'Your page could not be read. Reload the page to try again.');
    }
  }

  stop(): void {
    this.live.stop();
    this.client.stop();
  }

  private pick(boardId: string): void {
    this.boardId = boardId;
    this.queueRefresh();
    this.live.follow(this.watchedBoards());
  }

  /** The picked board, and its team board when the user is in a team. */
  private watchedBoards(): string[] {
    return this.user.team ? [this.boardId, teamBoardId(this.boardId)] : [this.boardId];
  }

  /**
   * One read at a time, so answers cannot arrive out of order; any number of events during a read
   * make one more read after it.
   */
  private queueRefresh(): void {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = this.refresh()
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.refreshing = undefined;
        if (!this.refreshAgain) return;
        this.refreshAgain = false;
        this.queueRefresh();
      });
  }

  private async refresh(): Promise<void> {
    const boardId = this.boardId;
    const [progress, standing, team] = await Promise.all([
      this.client.myPrograms(),
      this.client.myStanding(boardId, around),
      this.user.team ? this.client.teamBoard(teamBoardId(boardId)) : Promise.resolve(null),
    ]);
    if (boardId !== this.boardId) return;
    showProgress(progressLines(progress));
    showStanding(standingSummary(standing, this.user.name));
    showTeam(this.user.team ? teamSummary(this.user.team, team?.teams) : null);
    // An admin's reversal shows in the history; a reader of older pages keeps their place.
    if (this.historyPages <= 1) await this.readHistory(false);
    showText(byId('alert'), undefined);
  }

  private async readHistory(more: boolean): Promise<void> {
    const page = await this.client.myActivities(historyPageSize, more ? this.historyToken : null);
    this.historyToken = page.nextToken ?? null;
    this.historyPages = more ? this.historyPages + 1 : 1;
    const context = {
      types: this.types,
      programs: this.programs,
      formatTime: (date: Date) => timeFormat.format(date),
    };
    showHistory(
      page.items.map((activity) => historyLine(activity, context)),
      { append: more, more: this.historyToken !== null },
    );
  }

  private async record(values: RecordFormValues): Promise<void> {
    const outcome = recordInputOf(values, crypto.randomUUID());
    if (!outcome.ok) return this.form.showProblems(outcome.fields, undefined);
    this.form.showProblems({}, undefined);
    this.form.busy(true);
    try {
      const before = (await this.client.myStanding(globalBoardId, 0))?.score ?? 0;
      const recorded = await this.client.recordActivity(outcome.input);
      this.form.clearAmount();
      const name = this.types.find((type) => type.type === recorded.type)?.name ?? recorded.type;
      this.form.showStatus(`Recorded ${name}: ${recorded.points} points. Counting…`);
      await this.readHistory(false);
      void this.untilCounted(before + recorded.points);
    } catch (error) {
      this.refused(error);
    } finally {
      this.form.busy(false);
    }
  }

  /** Waits until the user's all-time total includes the activity, then re-reads everything it changed. */
  private async untilCounted(expectedTotal: number): Promise<void> {
    const deadline = Date.now() + countingTimeoutMs;
    while (Date.now() < deadline) {
      const total = (await this.client.myStanding(globalBoardId, 0).catch(() => null))?.score ?? 0;
      if (total >= expectedTotal) {
        this.form.showStatus(`Counted. You have ${expectedTotal.toLocaleString('en')} points in all.`);
        this.queueRefresh();
        return;
      }
      await sleep(countingPollMs);
    }
    this.form.showStatus('Recorded. It will show here as soon as it is counted.');
  }

  private refused(error: unknown): void {
    const failure: RequestFailure =
      error instanceof EmployeeRequestError ? error.failure : { message: (error as Error).message };
    const problem = recordProblemOf(failure, recordFields);
    if (problem.signInAgain) return this.signedOut(signInAgainMessage);
    this.form.showStatus('');
    this.form.showProblems(problem.fields, problem.form);
  }

  /** A refused token signs the user out; anything else is said without the error's own text. */
  private failed(
    error: unknown,
    message = 'Some of your figures could not be read. They will be read again on the next update.',
  ): void {
    const failure = error instanceof EmployeeRequestError ? error.failure : undefined;
    if (failure && recordProblemOf(failure, []).signInAgain) return this.signedOut(signInAgainMessage);
    showText(byId('alert'), message);
  }
}
