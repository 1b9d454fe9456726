/** Undoes what start-up did so far, newest first, whatever fails. */
export class Teardown {
  private readonly steps: Array<{ name: string; run: () => Promise<void> | void }> = [];

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  /** Registers the stop of something just started and hands it back. */
  track<T>(name: string, started: T, stop: (started: T) => Promise<void> | void): T {
    this.add(name, () => stop(started));
    return started;
  }

  async run(
    onError: (name: string, error: unknown) => void,
    onStopped?: (name: string, ms: number) => void,
  ): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      const started = performance.now();
      try {
        await step.run();
        onStopped?.(step.name, performance.now() - started);
      } catch (error) {
        onError(step.name, error);
      }
    }
  }
}

/**
 * Promise.all that waits for every start to settle before failing: a server still starting
 * when another fails registers its teardown step first, so the teardown stops it too.
 */
export async function allStarted<T extends readonly unknown[]>(starts: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const failure = (await Promise.allSettled(starts)).find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return Promise.all(starts) as Promise<T>;
}
