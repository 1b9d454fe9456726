/**
 * "Board changed in slot s" marks, which tell the rebuilder what to rebuild without a
 * per-activity write to any board-level key. A worker instance writes each mark once per
 * board and slot and remembers it (records of one batch run concurrently, so they share
 * one in-flight write): the marks' partition takes writes in proportion to worker
 * instances, never to traffic.
 *
 * The mark is written before the totals move. The rebuilder re-reads slots from
 * `rebuildOverlapSeconds` (longer than the worker's timeout) before its previous start, so
 * a change that commits after a rebuild already read its mark is still picked up next run.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { encodeBoardChange } from '@leaderboard/core/items/board-change';
import { changeSlot } from '@leaderboard/core/keys';

export interface BoardChangeMarkerOptions {
  readonly documentClient: DynamoDBDocumentClient;
  readonly scoresTable: string;
  readonly ttlSeconds: number;
}

export class BoardChangeMarker {
  readonly #options: BoardChangeMarkerOptions;
  readonly #writes = new Map<string, Promise<void>>();
  #slot = -1;

  constructor(options: BoardChangeMarkerOptions) {
    this.#options = options;
  }

  async markChanged(boardIds: readonly string[], nowMs: number): Promise<void> {
    const slot = changeSlot(nowMs);
    if (slot !== this.#slot) {
      this.#writes.clear();
      this.#slot = slot;
    }
    await Promise.all(boardIds.map((boardId) => this.#mark(slot, boardId, nowMs)));
  }

  #mark(slot: number, boardId: string, nowMs: number): Promise<void> {
    const existing = this.#writes.get(boardId);
    if (existing) return existing;
    const write = this.#options.documentClient
      .send(
        new PutCommand({
          TableName: this.#options.scoresTable,
          Item: encodeBoardChange({
            slot,
            boardId,
            expiresAt: Math.floor(nowMs / 1000) + this.#options.ttlSeconds,
          }),
        }),
      )
      .then(() => undefined);
    this.#writes.set(boardId, write);
    // A failed write is forgotten, so the record's retry writes it again.
    write.catch(() => {
      if (this.#writes.get(boardId) === write) this.#writes.delete(boardId);
    });
    return write;
  }
}
