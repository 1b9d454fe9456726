/**
 * Counts what a run of the stack would be billed for, from outside the code under test: every
 * DynamoDB, Streams and SQS call as the IAM gateway saw it (with the capacity DynamoDB says it
 * consumed), every AppSync operation and real-time message as the API reported them, and each
 * Lambda's invocations and duration.
 */
import type { ApiUsage } from 'appsync-local';
import { billedWriteUnits } from '@leaderboard/local/aws/write-billing';
import type { GatewayExchange } from '@leaderboard/local/iam/gateway';

interface Capacity {
  readonly CapacityUnits?: number;
  readonly ReadCapacityUnits?: number;
  readonly WriteCapacityUnits?: number;
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number }>;
}

const readOperations = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const transactional = new Set(['TransactWriteItems', 'TransactGetItems']);

/** Per role (the session name of its ARN) and operation. */
export interface DynamoDbLine {
  calls: number;
  readUnits: number;
  writeUnits: number;
  /** Of `writeUnits`, what the writes cost in the tables' global secondary indexes. */
  indexWriteUnits: number;
  /** Writes refused by a condition or cancelled: AWS bills them too; DynamoDB Local reports no capacity for them. */
  refusedWrites: number;
}

export class UsageMeter {
  readonly dynamodb = new Map<string, DynamoDbLine>();
  readonly streamsRequests = new Map<string, number>();
  /** SQS requests by role and operation, and how many ReceiveMessage calls came back empty. */
  readonly sqsRequests = new Map<string, number>();
  emptyReceives = 0;
  messagesSent = 0;
  appsyncOperations = new Map<string, number>();
  realtimeMessages = 0;

  readonly observeAws = (exchange: GatewayExchange): void => {
    const role = exchange.principalArn.slice(exchange.principalArn.lastIndexOf('/') + 1);
    const key = `${role} ${exchange.operation}`;
    if (exchange.api === 'DynamoDBStreams_20120810') {
      this.streamsRequests.set(key, (this.streamsRequests.get(key) ?? 0) + 1);
    } else if (exchange.api === 'AmazonSQS') {
      this.sqsRequests.set(key, (this.sqsRequests.get(key) ?? 0) + 1);
      if (
        exchange.operation === 'ReceiveMessage' &&
        !(exchange.response['Messages'] as unknown[] | undefined)?.length
      )
        this.emptyReceives += 1;
      if (exchange.operation === 'SendMessageBatch')
        this.messagesSent += (exchange.request['Entries'] as unknown[] | undefined)?.length ?? 0;
      if (exchange.operation === 'SendMessage') this.messagesSent += 1;
    } else this.countDynamoDb(key, exchange);
  };

  readonly observeApi = (usage: ApiUsage): void => {
    if (usage.kind === 'realtimeMessages') this.realtimeMessages += usage.delivered;
    else {
      const key = usage.operationName ?? usage.operation;
      this.appsyncOperations.set(key, (this.appsyncOperations.get(key) ?? 0) + 1);
    }
  };

  private countDynamoDb(key: string, exchange: GatewayExchange): void {
    const line = this.dynamodb.get(key) ?? {
      calls: 0,
      readUnits: 0,
      writeUnits: 0,
      indexWriteUnits: 0,
      refusedWrites: 0,
    };
    this.dynamodb.set(key, line);
    line.calls += 1;
    const consumed = exchange.response['ConsumedCapacity'] as Capacity | Capacity[] | undefined;
    if (exchange.writes && exchange.status === 200) {
      this.countTransactionWrites(line, exchange.writes);
      return;
    }
    const entries = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    const units = entries.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
    const indexUnits = entries.reduce(
      (sum, entry) =>
        sum +
        Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce(
          (all, index) => all + (index.CapacityUnits ?? 0),
          0,
        ),
      0,
    );
    // A transaction not priced from images (a read one, or a refused one): DynamoDB Local's figure, doubled as AWS bills its items.
    const factor = transactional.has(exchange.operation) ? 2 : 1;
    if (readOperations.has(exchange.operation)) line.readUnits += units * factor;
    else {
      line.writeUnits += units * factor;
      line.indexWriteUnits += indexUnits * factor;
    }
    if (exchange.status !== 200 && !readOperations.has(exchange.operation)) {
      const items = (exchange.request['TransactItems'] as unknown[] | undefined)?.length ?? 1;
      line.refusedWrites += transactional.has(exchange.operation) ? items * 2 : items;
    }
  }

  /**
   * A transaction priced item by item from its images: each item's write twice (AWS's prepare and
   * commit), its index entries once (an index is written from the committed item).
   */
  private countTransactionWrites(line: DynamoDbLine, writes: NonNullable<GatewayExchange['writes']>): void {
    for (const item of writes) {
      const units = billedWriteUnits(item);
      const index = Object.values(units.indexes).reduce((sum, count) => sum + count, 0);
      line.writeUnits += 2 * units.table + index;
      line.indexWriteUnits += index;
    }
  }

  reset(): void {
    this.dynamodb.clear();
    this.streamsRequests.clear();
    this.sqsRequests.clear();
    this.appsyncOperations.clear();
    this.emptyReceives = 0;
    this.messagesSent = 0;
    this.realtimeMessages = 0;
  }
}
