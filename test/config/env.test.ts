import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/env.js';

describe('loadConfig', () => {
  it('runs offline on defaults, with data under ./data', () => {
    const c = loadConfig({}, '/srv/bot');
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('/srv/bot/data');
    expect(c.corpusDir).toBe('/srv/bot/corpus');
    expect(c.openai).toBeUndefined();
    expect(c.llmTimeoutMs).toBe(20_000);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', OPENAI_API_KEY: '  ' }, '/x').port).toBe(3000);
    expect(loadConfig({ OPENAI_API_KEY: '' }, '/x').openai).toBeUndefined();
  });

  it('turns the LLM on with a key and an optional base URL', () => {
    const c = loadConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, '/x');
    expect(c.openai).toMatchObject({ apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:9/v1', chatModel: 'gpt-4o-mini' });
  });

  it('names every bad variable at once and never echoes a value', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'abc', OPENAI_BASE_URL: 'not a url sk-secret', LOG_LEVEL: 'loud' }, '/x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain('PORT');
    expect(msg).toContain('OPENAI_BASE_URL');
    expect(msg).toContain('LOG_LEVEL');
    expect(msg).not.toContain('sk-secret');
  });
});
