/** A codec's update or condition expression as an AppSync DynamoDB request takes it. */
import { util, type DynamoDBExpression, type TransactConditionCheckExpression } from '@aws-appsync/utils';
import type { ItemExpression } from '@leaderboard/core/items/item';

export function updateExpression(expression: ItemExpression): DynamoDBExpression {
  const request: DynamoDBExpression = {
    expression: expression.expression,
    expressionNames: expression.names,
  };
  // DynamoDB refuses an empty ExpressionAttributeValues map.
  if (Object.keys(expression.values).length > 0)
    request.expressionValues = util.dynamodb.toMapValues(expression.values);
  return request;
}

/** A condition of a transaction item; the client never needs the item that failed it. */
export function transactCondition(expression: ItemExpression): TransactConditionCheckExpression {
  return { ...updateExpression(expression), returnValuesOnConditionCheckFailure: false };
}
