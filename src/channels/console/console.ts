import readline from 'node:readline';
import type { Handle } from '../../core/handle-message.js';
import type { Reply } from '../../core/message.js';
import { texts } from '../../core/texts.vi.js';
import { renderPlain } from './render.js';

export interface ConsoleOptions {
  userId: string;
  json: boolean;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  onError?: (err: unknown) => void;
}

/**
 * The console chat: one message per input line, replies on the output (one JSON line per
 * message with `json`). Choices print as numbered lines; the core reads a bare number typed
 * back as the choice. Resolves when the input ends.
 */
export async function runConsoleChat(handle: Handle, opts: ConsoleOptions): Promise<void> {
  const rl = readline.createInterface({ input: opts.input, terminal: false });
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
    let replies: Reply[];
    try {
      replies = await handle({ channel: 'console', chatId: opts.userId, userId: opts.userId, text });
    } catch (err) {
      opts.onError?.(err);
      replies = [{ text: texts.internalError }];
    }
    if (opts.json) {
      const plain = replies.map(({ image, ...r }) => (image ? { ...r, image: { caption: image.caption ?? '' } } : r));
      opts.output.write(JSON.stringify({ replies: plain }) + '\n');
    } else {
      opts.output.write(replies.map(renderPlain).join('\n\n') + '\n\n');
    }
    prompt();
  }
}
