/**
 * Who does what, in a question and in a sentence: "ai phát động …" asks who launched something,
 * and "Thủ tướng Chính phủ đã phát động …" says it. Used to choose the quote (extractive.ts).
 */
import { fold } from '../ingest/normalize.js';

/**
 * "Ai phát động …", "ai là người đứng ra phát động …", "cơ quan nào chủ trì …": the verb asked
 * about (folded, one or two syllables). "Ai ký" is the signer's rule; "ai là …", "ai được …" ask
 * for a kind of person, not an agent.
 */
const AGENT_ASK = /\b(?:ai|co quan nao|don vi nao|to chuc nao|cap nao|nguoi nao)\s+(?:la nguoi\s+)?(?:da\s+|se\s+|dung ra\s+)?(?!ky\b|ki\b|la\b|duoc\b|co\b|phai\b)([a-z]+(?: [a-z]+)?)/;

/** Small words that may stand between an agent and its verb ("Thủ tướng Chính phủ đã phát động"). */
const AUX = new Set(['da', 'se', 'dang', 'cung', 'vua', 'chinh']);
/** Words that end a name: "… Hải Phòng về việc phát động" says what, not who. */
const NOT_NAME = new Set(['ve', 'viec', 'cua', 'cho', 'de', 'va', 'voi', 'tai', 'trong', 'theo', 'nham', 'la', 'ma', 'duoc', 'bi', 'cac', 'nhung']);

/**
 * "Ai phát động phong trào …" with no place named asks who started it: the highest level that says
 * so (the Prime Minister), not the ward that launched it locally. Weights of such a sentence.
 */
const AGENT_LEVEL: Record<string, number> = { 'trung ương': 4, 'thành phố': 3, 'phường': 2 };

/** How much a sentence that names the agent asked about counts, by its document's level. */
export function agentWeight(level: string, placeNamed: boolean): number {
  return placeNamed ? 2 : AGENT_LEVEL[level] ?? 2;
}

/** The act a folded question asks who does ("phat dong", "chu tri"), or undefined. */
export function agentAsked(folded: string): string | undefined {
  return AGENT_ASK.exec(folded)?.[1];
}

/** Quotes longer than this many words are cut to the clause that names the agent. */
const LONG_QUOTE = 40;

/**
 * When `sentence` says who does `verb` — the verb follows, with only "đã / sẽ …" between, a name
 * written with capitals ("Ủy ban nhân dân phường Hồng An phát động", "Thủ tướng Chính phủ đã phát
 * động"), within four words and no punctuation — the sentence to quote: itself, or, when it is
 * long, "…" and its clause from that name on (a preamble of cited resolutions is not the answer).
 * Undefined when it names no agent of the verb.
 */
export function agentClause(sentence: string, verb: string): string | undefined {
  const v = verb.split(' ');
  const words = sentence.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => fold(w).replace(/[^\p{L}\p{N}]/gu, ''));
  for (let i = 1; i + v.length <= words.length; i++) {
    if (!v.every((x, j) => folded[i + j] === x)) continue;
    let j = i - 1;
    while (j >= 0 && AUX.has(folded[j]!)) j--;
    for (let back = 0; back < 4 && j - back >= 0; back++) {
      const w = words[j - back]!;
      if (/[,.;:!?)”"]$/u.test(w) || NOT_NAME.has(folded[j - back]!)) break;
      if (!/^[\p{Lu}]/u.test(w)) continue;
      if (words.length <= LONG_QUOTE) return sentence;
      let start = j - back;
      while (start > 0 && !/[,;:]$/u.test(words[start - 1]!)) start--;
      return start === 0 ? sentence : `… ${words.slice(start).join(' ')}`;
    }
  }
  return undefined;
}
