const queues = new Map<string, Promise<void>>();

/**
 * Runs `task` after every earlier task holding the same key has finished, so two edits of one
 * file in parallel tool calls cannot both read the old content and lose one update.
 */
export async function withPathLock<Result>(key: string, task: () => Promise<Result>): Promise<Result> {
  const previous = queues.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => current);
  queues.set(key, tail);
  await previous;
  try {
    return await task();
  } finally {
    release();
    if (queues.get(key) === tail) queues.delete(key);
  }
}
