/**
 * Per-chat sequential processing: tasks with the same key run one after another, in the order
 * they were pushed; different keys run concurrently. This is the runner plugin's `sequentialize`
 * idea, without awaiting the task at the push site, so a slow answer in one chat neither delays
 * other chats nor the webhook acknowledgement.
 */
export interface ChatQueue {
  /**
   * Schedules `task` after the chat's earlier tasks. Returns false (and drops the task) when the
   * chat already has `maxPerChat` tasks waiting, so one flooding chat cannot exhaust memory.
   * A task's rejection goes to `onError`; it never blocks the chat's next task.
   */
  push(key: string, task: () => Promise<void>): boolean;
  /** Resolves when every task pushed so far (and any pushed meanwhile) has settled. */
  idle(): Promise<void>;
  /** Tasks waiting or running. */
  readonly size: number;
}

export function createChatQueue(options: { maxPerChat?: number; onError: (err: unknown, key: string) => void }): ChatQueue {
  const maxPerChat = options.maxPerChat ?? 50;
  const chats = new Map<string, { tail: Promise<void>; count: number }>();
  let size = 0;

  return {
    push(key, task) {
      const chat = chats.get(key) ?? { tail: Promise.resolve(), count: 0 };
      if (chat.count >= maxPerChat) return false;
      chat.count++;
      size++;
      chat.tail = chat.tail
        .then(task)
        .catch((err: unknown) => {
          try {
            options.onError(err, key);
          } catch {
            // a failing error handler must not stall the chat
          }
        })
        .finally(() => {
          size--;
          if (--chat.count === 0) chats.delete(key);
        });
      chats.set(key, chat);
      return true;
    },
    async idle() {
      while (chats.size > 0) await Promise.all([...chats.values()].map((c) => c.tail));
    },
    get size() {
      return size;
    },
  };
}
