/**
 * Error logging for polling loops: a poller that keeps failing the same way (DynamoDB Local
 * gone, a queue deleted) would print the same line several times a second. The first
 * occurrence is logged at once, repeats at most every `intervalMs` with how many there were.
 */
export function repeatQuietLog(
  log: (line: string) => void,
  prefix: string,
  intervalMs = 10_000,
): (error: unknown) => void {
  let lastMessage: string | undefined;
  let lastLoggedAt = 0;
  let suppressed = 0;
  return (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const now = Date.now();
    if (message === lastMessage && now - lastLoggedAt < intervalMs) {
      suppressed += 1;
      return;
    }
    const repeats =
      message === lastMessage && suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
    log(`${prefix} ${message}${repeats}`);
    lastMessage = message;
    lastLoggedAt = now;
    suppressed = 0;
  };
}
