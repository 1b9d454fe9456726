/** The operations already prepared, so a document sent again is not parsed and validated again. */
import type { AppSyncResponseError } from './errors.ts';
import type { PreparedOperation } from './prepared-operation.ts';

/** Distinct documents kept prepared; past it the oldest is forgotten. */
const maxPreparedOperations = 1000;

type Preparation = (
  query: string,
  operationName: string | null | undefined,
) => PreparedOperation | AppSyncResponseError[];

/**
 * Prepared operations by operation name and query text: clients send the same few documents
 * again and again, and the schema does not change, so each is parsed and validated once.
 */
export class PreparedOperations {
  private readonly byDocument = new Map<string, PreparedOperation>();

  constructor(private readonly preparation: Preparation) {}

  prepare(
    query: string,
    operationName: string | null | undefined,
  ): PreparedOperation | AppSyncResponseError[] {
    const key = `${operationName ?? ''}\n${query}`;
    const known = this.byDocument.get(key);
    if (known) return known;
    const prepared = this.preparation(query, operationName);
    if (!Array.isArray(prepared)) this.remember(key, prepared);
    return prepared;
  }

  private remember(key: string, prepared: PreparedOperation): void {
    if (this.byDocument.size >= maxPreparedOperations) {
      this.byDocument.delete(this.byDocument.keys().next().value as string);
    }
    this.byDocument.set(key, prepared);
  }
}
