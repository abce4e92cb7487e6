import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPrompt, PROMPTS, type PromptName } from '../src/prompts.js';

describe('prompts/', () => {
  it('has exactly the prompts the code uses', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '..', 'prompts')).filter((f) => f.endsWith('.md'));
    expect(files.sort()).toEqual(Object.keys(PROMPTS).sort());
  });

  it.each(Object.entries(PROMPTS))('%s uses every placeholder, and no other', async (name, placeholders) => {
    const text = await loadPrompt(name as PromptName);
    for (const p of placeholders) expect(text).toContain(p);
    const used = new Set(text.match(/\{[a-z]+\}/g) ?? []);
    expect([...used].sort()).toEqual([...placeholders].sort());
  });
});
