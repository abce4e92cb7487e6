import { Embeddings } from '@langchain/core/embeddings';
import { fold } from '../../src/knowledge/ingest/normalize.js';

/**
 * Deterministic offline embedder that keeps Vietnamese letters: hashed character trigrams of
 * the folded text (the stock synthetic one strips everything outside a–z).
 */
export class FakeEmbeddings extends Embeddings {
  readonly model = 'fake-trigram';
  constructor(readonly dimensions = 64) {
    super({});
  }

  private vector(text: string): number[] {
    const v = new Array<number>(this.dimensions).fill(0);
    const s = ` ${fold(text.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      let h = 2166136261;
      for (const ch of s.slice(i, i + 3)) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
      v[(h >>> 0) % this.dimensions]! += 1;
    }
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vector(t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.vector(text);
  }
}
