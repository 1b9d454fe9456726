import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

/**
 * A DynamoDB stream record as EventBridge Pipes hands it to a target: the Streams API
 * record with `ApproximateCreationDateTime` in epoch seconds, binary attributes in base64,
 * and the stream's ARN as `eventSourceARN`.
 */
export interface PipeStreamEvent {
  readonly eventID: string;
  readonly eventName: string;
  readonly eventVersion: string;
  readonly eventSource: string;
  readonly awsRegion: string;
  readonly dynamodb: Record<string, unknown>;
  readonly eventSourceARN: string;
  readonly userIdentity?: unknown;
}

export function toPipeStreamEvent(record: StreamRecord, streamArn: string): PipeStreamEvent {
  const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
  const dynamodb: Record<string, unknown> = {
    ...(ApproximateCreationDateTime
      ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
      : {}),
    ...rest,
  };
  return JSON.parse(
    JSON.stringify(
      {
        eventID: record.eventID,
        eventName: record.eventName,
        eventVersion: record.eventVersion,
        eventSource: record.eventSource ?? 'aws:dynamodb',
        awsRegion: record.awsRegion,
        dynamodb,
        eventSourceARN: streamArn,
        ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
      },
      (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value),
    ),
  ) as PipeStreamEvent;
}
