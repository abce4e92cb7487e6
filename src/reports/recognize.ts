/**
 * Which indicator a piece of folded text names. Vietnamese noun phrases put the head first
 * ("học sinh các trường trung học" is about pupils, "các trường … dạy kỹ năng số cho học sinh"
 * about schools), so the earliest subject decides; markers settle subjects that two indicators
 * share ("người dân … VNeID", "người lao động … doanh nghiệp").
 */
import type { Indicator } from '../plans/model.js';

/** Compiles a folded pattern source with letter boundaries (digits may touch: "HS90%"). */
export function wordPattern(source: string, flags = 'g'): RegExp {
  return new RegExp(`(?<![a-z])(?:${source})(?![a-z])`, flags);
}

type IndicatorId = string;

/** Overlapping subject matches, merged: one population mention and the indicators it may mean. */
export interface Cluster {
  start: number;
  end: number;
  ids: IndicatorId[];
}

/** What a mention resolves to. */
export type Resolution =
  | { kind: 'indicator'; id: IndicatorId }
  | { kind: 'ambiguous'; ids: IndicatorId[] }
  | { kind: 'none' };

/** The recognition functions of one plan's indicators (built once per compiled plan). */
export interface Recognizer {
  subjectClusters(folded: string): Cluster[];
  narrow(ids: readonly IndicatorId[], folded: string): IndicatorId[];
  resolveMention(folded: string): Resolution;
  closestIndicators(words: readonly string[], max?: number): IndicatorId[];
  indicators: readonly Indicator[];
}

const built = new WeakMap<readonly Indicator[], Recognizer>();

/** The recognizer of a plan's indicators, cached by the indicator list. */
export function recognizerFor(indicators: readonly Indicator[]): Recognizer {
  let r = built.get(indicators);
  if (!r) built.set(indicators, (r = createRecognizer(indicators)));
  return r;
}

function createRecognizer(indicators: readonly Indicator[]): Recognizer {
  const SUBJECTS = indicators.flatMap((ind) => ind.subjects.map((s) => ({ id: ind.id, re: wordPattern(s) })));
  const MARKERS = new Map(indicators.map((ind) => [ind.id, ind.markers.map((m) => wordPattern(m, ''))]));
  const MARKERLESS = new Set(indicators.filter((i) => i.markers.length === 0).map((i) => i.id));
  const NAME_WORDS = new Map(
    indicators.map((i) => [i.id, new Set(contentWords(`${i.name} ${i.shortName}`.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').toLowerCase()))]),
  );

  /** Subject mentions in folded text, left to right. */
  function subjectClusters(folded: string): Cluster[] {
    const hits: { start: number; end: number; id: IndicatorId }[] = [];
    for (const { id, re } of SUBJECTS) {
      re.lastIndex = 0;
      for (const m of folded.matchAll(re)) hits.push({ start: m.index, end: m.index + m[0].length, id });
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Cluster[] = [];
    for (const h of hits) {
      const last = out[out.length - 1];
      if (last && h.start < last.end) {
        if (!last.ids.includes(h.id)) last.ids.push(h.id);
        last.end = Math.max(last.end, h.end);
      } else out.push({ start: h.start, end: h.end, ids: [h.id] });
    }
    return out;
  }

  /** Indicators of a cluster narrowed by the markers present anywhere in `folded`. */
  function narrow(ids: readonly IndicatorId[], folded: string): IndicatorId[] {
    if (ids.length < 2) return [...ids];
    const marked = ids.filter((id) => MARKERS.get(id)!.some((re) => re.test(folded)));
    if (marked.length > 0) return marked;
    // No marker: the indicator that needs none is the plain reading ("người dân có kỹ năng số").
    return ids.filter((id) => MARKERLESS.has(id));
  }

  /**
   * Resolves a mention: the earliest subject, narrowed by markers.
   * @example resolveMention('nguoi dan da xac nhan tren vneid') // the VNeID indicator
   */
  function resolveMention(folded: string): Resolution {
    const head = subjectClusters(folded)[0];
    if (!head) return { kind: 'none' };
    const ids = narrow(head.ids, folded);
    if (ids.length === 1) return { kind: 'indicator', id: ids[0]! };
    return { kind: 'ambiguous', ids: ids.length > 0 ? ids : head.ids };
  }

  /** Indicators whose names share the most words with an unrecognised mention (best first). */
  function closestIndicators(words: readonly string[], max = 2): IndicatorId[] {
    const scored = indicators
      .map((i) => ({ id: i.id, score: words.filter((w) => NAME_WORDS.get(i.id)!.has(w)).length }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score);
    return scored.slice(0, max).map((s) => s.id);
  }

  return { subjectClusters, narrow, resolveMention, closestIndicators, indicators };
}

/** True when two clusters can name the same population ("cán bộ" and "người lao động"). */
export function compatible(a: readonly IndicatorId[], b: readonly IndicatorId[]): boolean {
  return a.some((id) => b.includes(id));
}

// Words that carry no population: report chatter, the shared "kỹ năng số" vocabulary, places.
const GENERIC = new Set(
  (
    'e em a anh chi toi minh chung ban bao cao so lieu thang nay nam tuan quy phuong xa dat duoc da co ' +
    'la tren tong ty ti le tl ky nang kien thuc tri hieu biet chuyen doi cds kns knS trang bi nguoi ng hien tai ket qua ' +
    'voi cua cac nhung ve trong va thi roi nhe oi kinh gui cap nhat tinh den hom ngay muc tieu dat tuong ung khoang ' +
    'hon gan xap xi tro len phan tram cong luong rieng con them moi cu the tam uoc do duoc co ban su dung dich vu ' +
    'nen tang thiet bi thong minh tot deu day du o tai dia ban toan chiem bang tuc khu vuc vao gio lan dot ' +
    'hien nay hoan thanh so voi dat chi tieu it nhat toi thieu ngot non duoi ngoai dau cuoi ky truoc sau ' +
    'binh dan hoc vu phong trao thi dua moi truong an toan ho tro cho de hoc tap'
  ).split(' '),
);

/** Folded words of a mention that are neither chatter nor shared vocabulary: an unknown population. */
export function contentWords(folded: string): string[] {
  return (folded.match(/[a-z]+/g) ?? []).filter((w) => !GENERIC.has(w) && w.length > 1);
}
