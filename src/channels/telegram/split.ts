/**
 * Splitting plain text into pieces that stay under Telegram's 4,096-character limit once
 * formatted. The text is split while it is still plain, and each candidate is measured after
 * `format`, so a cut can never fall inside an HTML entity or tag.
 */

/** Telegram's limit for a message text (captions: 1,024). */
export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export interface SplitOptions {
  /** Maximum length of a formatted piece. Default {@link MESSAGE_LIMIT}. */
  limit?: number;
  /** Plain → what is sent (e.g. HTML-escaped); its length is what counts. Default identity. */
  format?: (plain: string) => string;
}

/** Boundaries, coarsest first: paragraph, line, sentence, word. The separator is kept. */
const BOUNDARIES: readonly RegExp[] = [/(\n\s*\n)/, /(\n)/, /(?<=[.!?…;:])(\s+)/, /(\s+)/];

/**
 * Splits `text` on paragraph boundaries first, then lines, sentences, words, and only as a last
 * resort inside a word (never inside a surrogate pair). Every returned piece satisfies
 * `format(piece).length <= limit`; pieces are trimmed and never empty (an empty text gives []).
 * @throws RangeError when `format` alone makes a single character exceed the limit.
 * @example splitText(long, { format: escapeHtml }) // → ['…first part…', '…second part…']
 */
export function splitText(text: string, options: SplitOptions = {}): string[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const format = options.format ?? ((s: string) => s);
  const fits = (s: string) => format(s).length <= limit;
  return splitAt(text.trim(), 0, fits).filter((p) => p.length > 0);
}

function splitAt(text: string, level: number, fits: (s: string) => boolean): string[] {
  if (fits(text)) return [text];
  const boundary = BOUNDARIES[level];
  if (!boundary) return hardCut(text, fits);
  // split() with a capturing group alternates piece, separator, piece, …
  const tokens = text.split(boundary);
  if (tokens.length === 1) return splitAt(text, level + 1, fits);
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < tokens.length; i += 2) {
    const piece = tokens[i]!;
    const candidate = current ? current + (tokens[i - 1] ?? '') + piece : piece;
    if (fits(candidate.trimEnd())) {
      current = candidate;
      continue;
    }
    if (current.trim()) out.push(current.trim());
    if (fits(piece.trim())) current = piece;
    else {
      out.push(...splitAt(piece.trim(), level + 1, fits));
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The longest prefixes that fit, cut between code points (binary search per piece). */
function hardCut(text: string, fits: (s: string) => boolean): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let lo = start + 1;
    let hi = chars.length;
    if (!fits(chars.slice(start, lo).join(''))) throw new RangeError('a single character exceeds the message limit');
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(chars.slice(start, mid).join(''))) lo = mid;
      else hi = mid - 1;
    }
    out.push(chars.slice(start, lo).join(''));
    start = lo;
  }
  return out;
}
