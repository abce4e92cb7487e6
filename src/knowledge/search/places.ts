/**
 * Which units a question is about. The names come from the documents (`DocMeta.place`, read from
 * the manifest, the issuer or the header); only the unit words of Vietnamese administration and
 * the words for a document are written here.
 */
import { fold } from '../ingest/normalize.js';
import { DOC_LEVELS, type DocLevel, type DocMeta } from '../types.js';

const UNIT = /^(?:phường|xã|đặc khu|thành phố|tỉnh)\s+/iu;

/** The folded names of the places the corpus is about ("hong an", "lam dong"). */
export function placesOf(docs: readonly DocMeta[]): string[] {
  return [...new Set(docs.flatMap((d) => (d.place ? [fold(d.place.replace(UNIT, '')).trim()] : [])))];
}

/** A folded place as the documents write it: "hai duong" → "phường Hải Dương". */
export function placeName(place: string, docs: readonly DocMeta[]): string {
  return docs.find((d) => d.place && fold(d.place.replace(UNIT, '')).trim() === place)?.place ?? place;
}

/** The names of a list of places, for looking up a question's words: built once per list. */
interface PlaceIndex {
  names: ReadonlySet<string>;
  /** Most words in a name. */
  longest: number;
  /** "hd" → "hai duong": the first place with those initials. */
  initials: ReadonlyMap<string, string>;
}
const indexes = new WeakMap<readonly string[], PlaceIndex>();

function indexOf(places: readonly string[]): PlaceIndex {
  let index = indexes.get(places);
  if (!index) {
    const initials = new Map<string, string>();
    for (const p of places) {
      const key = p.split(' ').map((w) => w[0]).join('');
      if (!initials.has(key)) initials.set(key, p);
    }
    index = { names: new Set(places), longest: Math.max(0, ...places.map((p) => p.split(' ').length)), initials };
    indexes.set(places, index);
  }
  return index;
}

/**
 * The known places (folded) a question names, in the order it names them. `pair`, when given,
 * tells a name from a phrase that only folds like it: "hai phong trào" (two campaigns) is not
 * Hải Phòng when "phong trào" is a pair of the corpus and the question wrote no capital there.
 * The question's words are looked up, so the cost does not grow with the number of places.
 */
export function placesNamed(question: string, places: readonly string[], pair?: (a: string, b: string) => boolean): string[] {
  const { names, longest } = indexOf(places);
  const typed = question.normalize('NFC').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  const folded = typed.map((w) => fold(w));
  const found: string[] = [];
  for (let i = 0; i < folded.length; i++) {
    for (let n = Math.min(longest, folded.length - i); n >= 1; n--) {
      const name = folded.slice(i, i + n).join(' ');
      if (!names.has(name) || found.includes(name)) continue;
      const next = folded[i + n];
      if (next && pair?.(folded[i + n - 1]!, next) && !/^\p{Lu}/u.test(typed[i]!)) continue;
      found.push(name);
    }
  }
  return found;
}

/** A unit word and the two words after it, typed with diacritics or not. */
const PLACE_WORD = /(?<![\p{L}])(phường|phuong|xã|huyện|huyen|tỉnh|đặc khu|dac khu)\s+(\p{L}+)\s+(\p{L}+)/giu;

export interface PlaceCheck {
  /** A unit the question names that no document is about. */
  unknown: boolean;
  /** Known places the question names, folded. */
  named: string[];
}

/** What the corpus knows of words, for telling a name from an ordinary phrase. */
export interface WordStats {
  known(term: string): boolean;
  pair(a: string, b: string): boolean;
}

/**
 * Which places the question names, and whether it names one the corpus is not about. Two words
 * after a unit word are a name unless the corpus uses them as ordinary words: "xã hội" and
 * "phường có" are corpus pairs; "phường Lê Chân", absent, is a unit the documents do not cover.
 */
export function placesIn(question: string, places: readonly string[], stats: WordStats, particles: ReadonlySet<string>): PlaceCheck {
  const named = placesNamed(question, places, stats.pair);
  let unknown = false;
  const typed = question.normalize('NFC');
  const capitalises = /\s\p{Lu}/u.test(typed);
  for (const m of typed.matchAll(PLACE_WORD)) {
    const [unit, a, b] = [fold(m[1]!), fold(m[2]!), fold(m[3]!)];
    // A name is capitalised by whoever types diacritics or capitals: "phường đặt chỉ tiêu" names none.
    if ((capitalises || fold(m[2]!) !== m[2]!.toLowerCase()) && !/^\p{Lu}/u.test(m[2]!)) continue;
    if (places.some((p) => p.startsWith(`${a} ${b}`) || p === a)) continue;
    // "phường HD": a ward known by its initials.
    const initials = indexOf(places).initials.get(a);
    if (initials) {
      if (!named.includes(initials)) named.push(initials);
      continue;
    }
    if (particles.has(a) || stats.pair(unit.split(' ').at(-1)!, a) || stats.pair(a, b) || /\d/.test(a)) continue;
    unknown = true;
  }
  return { unknown, named };
}

/** True when the passage (its document or its text) belongs to one of the named places. */
export function inPlace(named: readonly string[], doc: DocMeta, text: string): boolean {
  if (named.length === 0) return true;
  const where = fold(`${doc.place ?? ''} ${doc.issuer} ${doc.label} ${text}`);
  return named.some((p) => where.includes(p));
}

/** Folded words for a level, as people name a document by who issued it. */
const LEVEL_WORDS: Record<DocLevel, string> = {
  'trung ương': 'trung uong|tw|bo|bnv|chinh phu',
  tỉnh: 'tinh',
  'thành phố': 'thanh pho|tp',
  xã: 'xa',
  phường: 'phuong',
  'đặc khu': 'dac khu',
};
const LEVEL_NAMED = new RegExp(
  `\\b(?:van ban|cong van|ke hoach|huong dan|cv|kh|cap|ben)\\s+(?:cua\\s+)?(?:ubnd\\s+|uy ban nhan dan\\s+)?(${DOC_LEVELS.map((l) => LEVEL_WORDS[l]).join('|')})\\b`,
);

/**
 * The level of the documents a question names loosely ("văn bản của thành phố giao sở nào …"),
 * when the corpus has documents of that level; a question that names the place itself is
 * answered by that place's documents instead.
 */
export function levelNamed(question: string, docs: readonly DocMeta[], places: readonly string[] = []): DocLevel | undefined {
  const word = LEVEL_NAMED.exec(fold(question))?.[1];
  if (!word || placesNamed(question, places).length > 0) return undefined;
  const level = DOC_LEVELS.find((l) => LEVEL_WORDS[l].split('|').includes(word));
  return level && docs.some((d) => d.level === level) ? level : undefined;
}
