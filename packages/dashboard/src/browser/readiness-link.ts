/**
 * Turns the subscription link's control event (sent on start_ack) into a callback and keeps it
 * from reaching Apollo Client, which takes a result without data for an error and ends the
 * subscription. A watch asks for control events with `readinessContext`.
 */
import { ApolloLink } from '@apollo/client';
import { CONTROL_EVENTS_KEY } from 'aws-appsync-subscription-link';
import { filter } from 'rxjs';

/** Operation context: called when the server acknowledges the subscription. */
interface ReadinessContext {
  readonly onSubscriptionReady?: () => void;
}

export const readinessLink = new ApolloLink((operation, forward) => {
  const { onSubscriptionReady } = operation.getContext() as ReadinessContext;
  return forward(operation).pipe(
    filter((result) => {
      if (result.extensions?.['controlMsgType'] === undefined) return true;
      if (result.extensions['controlMsgType'] === 'CONNECTED') onSubscriptionReady?.();
      return false;
    }),
  );
});

/** The context of a subscription that wants to know when it is really live. */
export const readinessContext = (onSubscriptionReady: () => void): Record<string, unknown> =>
  ({
    controlMessages: { [CONTROL_EVENTS_KEY]: true },
    onSubscriptionReady,
  }) satisfies ReadinessContext & Record<string, unknown>;
