import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The prompt files and the placeholders each must contain (a test checks both ways). */
export const PROMPTS = {
  'answer.vi.md': ['{context}', '{question}'],
  'figures.vi.md': ['{indicators}', '{message}'],
  'plan.vi.md': ['{passages}'],
} as const;

export type PromptName = keyof typeof PROMPTS;

const dir = path.resolve(import.meta.dirname, '..', 'prompts');

/** Reads a prompt from the repository's prompts/ folder (reviewed and diffed like code). */
export function loadPrompt(name: PromptName): Promise<string> {
  return readFile(path.join(dir, name), 'utf8');
}
