import type { Reply } from '../../core/message.js';
import { plainSourceLines } from '../sources.js';

/**
 * Plain-text rendering shared by channels without rich formatting (console; Zalo reuses the
 * idea): citations as numbered source lines, choices as numbered options.
 */
export function renderPlain(reply: Reply): string {
  const parts = [reply.text];
  if (reply.citations?.length) {
    parts.push(`Nguồn:\n${plainSourceLines(reply.citations).join('\n')}`);
  }
  if (reply.choices?.length) {
    parts.push(reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n'));
  }
  return parts.join('\n\n');
}
