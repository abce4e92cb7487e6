import type { Logger } from '../logger.js';
import type { Knowledge } from '../knowledge/types.js';
import type { Incoming, Reply } from './message.js';
import { texts } from './texts.vi.js';

export interface CoreDeps {
  knowledge: Knowledge;
  logger: Logger;
}

export const MAX_QUESTION_CHARS = 2000;

/** "/hoi@TroLyBot câu hỏi" → { command: 'hoi', rest: 'câu hỏi' }; plain text → null. */
export function parseCommand(text: string): { command: string; rest: string } | null {
  const m = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return m ? { command: m[1]!.toLowerCase(), rest: (m[2] ?? '').trim() } : null;
}

/**
 * The channel-agnostic conversation core: one message in, the replies out.
 * Channels translate platform updates to `Incoming` and render `Reply`; no rule lives there.
 * @example const handle = createCore({ knowledge, logger }); await handle({ channel: 'web', chatId: 'a', userId: 'a', text: '/start' })
 */
export function createCore(deps: CoreDeps) {
  async function answer(question: string): Promise<Reply[]> {
    if (!question) return [{ text: texts.emptyQuestion }];
    if (question.length > MAX_QUESTION_CHARS) return [{ text: texts.tooLong(MAX_QUESTION_CHARS) }];
    const a = await deps.knowledge.ask(question);
    return [{ text: a.answer, citations: a.citations }];
  }

  return async function handle(msg: Incoming): Promise<Reply[]> {
    const text = msg.text.trim();
    const cmd = parseCommand(text);
    if (!cmd) return answer(text);
    switch (cmd.command) {
      case 'start':
        return [{ text: texts.welcome }];
      case 'help':
      case 'trogiup':
        return [{ text: texts.help }];
      case 'hoi':
        return answer(cmd.rest);
      default:
        return [{ text: texts.unknownCommand(`/${cmd.command}`) }];
    }
  };
}

export type Handle = ReturnType<typeof createCore>;
