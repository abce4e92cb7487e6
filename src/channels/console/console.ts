import readline from 'node:readline';
import type { Handle } from '../../core/handle-message.js';
import type { Choice, Reply } from '../../core/message.js';
import { texts } from '../../core/texts.vi.js';
import { renderPlain } from './render.js';

export interface ConsoleOptions {
  userId: string;
  json: boolean;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * The console chat: one message per input line, replies on the output (one JSON line per
 * message with `json`). A bare number picks one of the last reply's numbered choices.
 * Resolves when the input ends.
 */
export async function runConsoleChat(handle: Handle, opts: ConsoleOptions): Promise<void> {
  const rl = readline.createInterface({ input: opts.input, terminal: false });
  let lastChoices: Choice[] = [];
  const interactive = !opts.json && (opts.input as { isTTY?: boolean }).isTTY === true;
  const prompt = () => interactive && opts.output.write('> ');
  if (interactive) opts.output.write('Trợ lý Thi đua — gõ câu hỏi, Ctrl+D để thoát.\n');
  prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (!text) {
      if (opts.json) opts.output.write(JSON.stringify({ replies: [] }) + '\n');
      prompt();
      continue;
    }
    const picked = /^\d+$/.test(text) ? lastChoices[Number(text) - 1] : undefined;
    let replies: Reply[];
    try {
      replies = await handle({
        channel: 'console',
        chatId: opts.userId,
        userId: opts.userId,
        text: picked ? picked.label : text,
        ...(picked ? { payload: picked.payload } : {}),
      });
    } catch {
      replies = [{ text: texts.internalError }];
    }
    lastChoices = replies.flatMap((r) => r.choices ?? []);
    if (opts.json) {
      const plain = replies.map(({ image, ...r }) => (image ? { ...r, image: { caption: image.caption ?? '' } } : r));
      opts.output.write(JSON.stringify({ replies: plain }) + '\n');
    } else {
      opts.output.write(replies.map(renderPlain).join('\n\n') + '\n\n');
    }
    prompt();
  }
}
