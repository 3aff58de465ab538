import type { PermissionAnswer, PermissionPrompt, PermissionQuestion } from "../runtime/authorize.js";

/** A question waiting for the user, with the function that answers it. */
export interface PendingPermission {
  question: PermissionQuestion;
  answer(answer: PermissionAnswer): void;
}

/**
 * Connects the runtime's permission prompt, which exists before the screen does, to the screen.
 * Questions wait in order until the screen answers them; `denyAll` refuses everything waiting
 * (a cancelled turn or an exit), so that no tool call hangs on a question nobody sees.
 */
export interface PermissionBridge {
  /** Pass this as `ask` to `createRuntime`. */
  readonly ask: PermissionPrompt;
  /** The question to show now, if any. */
  current(): PendingPermission | undefined;
  /** Called whenever the current question changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  denyAll(): void;
}

/** A new bridge with no questions waiting. */
export function createPermissionBridge(): PermissionBridge {
  const queue: PendingPermission[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    ask(question) {
      return new Promise<PermissionAnswer>((resolve) => {
        const pending: PendingPermission = {
          question,
          answer(answer) {
            const index = queue.indexOf(pending);
            if (index === -1) return;
            queue.splice(index, 1);
            resolve(answer);
            notify();
          },
        };
        queue.push(pending);
        if (queue.length === 1) notify();
      });
    },
    current: () => queue[0],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    denyAll() {
      for (const pending of [...queue]) pending.answer("deny");
    },
  };
}
