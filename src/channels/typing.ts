/**
 * "typing…" only when the person would otherwise wait: the indicator is sent if the answer is
 * not ready after `afterMs`, and the answer then waits (at most `maxWaitMs`) for the indicator
 * call so it never appears after the reply. An offline answer takes a few milliseconds and costs
 * no extra platform call; an LLM answer shows the indicator while it is being written.
 */
export async function withTyping<T>(
  work: Promise<T>,
  sendTyping: () => Promise<unknown>,
  { afterMs = 300, maxWaitMs = 2000 }: { afterMs?: number; maxWaitMs?: number } = {},
): Promise<T> {
  let typing: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    typing = sendTyping().catch(() => undefined);
  }, afterMs);
  try {
    const result = await work;
    if (typing) await Promise.race([typing, new Promise((r) => setTimeout(r, maxWaitMs).unref())]);
    return result;
  } finally {
    clearTimeout(timer);
  }
}
