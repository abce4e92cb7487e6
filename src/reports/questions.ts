/**
 * The Vietnamese questions the bot asks back when a report cannot be recorded as written. Each
 * names the problem, the indicator in full and what to send instead, so the officer can answer
 * in one message.
 */
import type { PlanModel } from '../plans/model.js';

type IndicatorId = string;
import { viNumber } from './vi-format.js';

/** Why a report cannot be recorded as written. */
export type Problem =
  | { kind: 'percentOver100'; indicator: IndicatorId; percent: number }
  | { kind: 'numeratorOverDenominator'; indicator: IndicatorId; numerator: number; denominator: number }
  | { kind: 'zeroDenominator'; indicator: IndicatorId; numerator: number }
  | { kind: 'mismatch'; indicator: IndicatorId; percent: number; numerator: number; denominator: number }
  | { kind: 'incomplete'; indicator: IndicatorId; count: number }
  | { kind: 'conflict'; indicator: IndicatorId; values: string[] }
  | { kind: 'noNumber'; indicator: IndicatorId }
  | { kind: 'unknownIndicator'; phrase: string; value: string; suggestions: IndicatorId[] }
  | { kind: 'ambiguousIndicator'; phrase: string; value: string; ids: IndicatorId[] }
  | { kind: 'noIndicator'; value: string }
  | { kind: 'unreadable'; raw: string }
  | { kind: 'twoYears' }
  | { kind: 'noFigures' };

export { viNumber };

const EXAMPLE = 'tỷ lệ % (ví dụ 85,5%) hoặc số đạt/tổng số (ví dụ 1.234/1.500)';

function sentence(p: Problem, plan: PlanModel): string {
  const name = (id: IndicatorId) => `“${plan.byId(id)?.name ?? id}”`;
  const allShort = () => plan.indicators.map((i) => i.shortName).join('; ');
  switch (p.kind) {
    case 'percentOver100':
      return `Tỷ lệ ${viNumber(p.percent)}% của chỉ tiêu ${name(p.indicator)} vượt quá 100%. Anh/chị kiểm tra lại và gửi ${EXAMPLE}.`;
    case 'numeratorOverDenominator':
      return `Ở chỉ tiêu ${name(p.indicator)}, số đạt (${viNumber(p.numerator)}) lớn hơn tổng số (${viNumber(p.denominator)}). Anh/chị kiểm tra lại và gửi theo dạng số đạt/tổng số, số đạt không lớn hơn tổng số.`;
    case 'zeroDenominator':
      return `Ở chỉ tiêu ${name(p.indicator)}, tổng số bằng 0 nên không tính được tỷ lệ. Anh/chị gửi lại tổng số đúng hoặc tỷ lệ %.`;
    case 'mismatch':
      return `Ở chỉ tiêu ${name(p.indicator)}, ${viNumber(p.numerator)}/${viNumber(p.denominator)} là ${viNumber((p.numerator / p.denominator) * 100)}%, không khớp với ${viNumber(p.percent)}% anh/chị ghi. Anh/chị cho biết số nào đúng.`;
    case 'incomplete':
      return `Ở chỉ tiêu ${name(p.indicator)}, tôi mới thấy con số ${viNumber(p.count)} mà chưa rõ tỷ lệ. Anh/chị gửi ${EXAMPLE}.`;
    case 'conflict':
      return `Chỉ tiêu ${name(p.indicator)} có ${p.values.length} số liệu khác nhau (${p.values.join(' và ')}). Anh/chị cho biết số liệu nào đúng.`;
    case 'noNumber':
      return `Chỉ tiêu ${name(p.indicator)} chưa có số liệu. Anh/chị gửi ${EXAMPLE}.`;
    case 'unknownIndicator': {
      const hint = p.suggestions.length > 0 ? `Có phải anh/chị muốn báo cáo ${p.suggestions.map(name).join(' hoặc ')}?` : `Các chỉ tiêu đang theo dõi: ${allShort()}.`;
      return `Tôi chưa nhận ra chỉ tiêu “${p.phrase}” (số liệu ${p.value}). ${hint} Anh/chị ghi rõ tên chỉ tiêu kèm số liệu.`;
    }
    case 'ambiguousIndicator':
      return `Số liệu ${p.value} của “${p.phrase}” có thể thuộc ${p.ids.map(name).join(' hoặc ')}. Anh/chị cho biết là chỉ tiêu nào.`;
    case 'noIndicator': {
      const example = p.value.split(', ')[0]!;
      return `Số liệu ${p.value} chưa gắn với chỉ tiêu nào. Anh/chị ghi rõ tên chỉ tiêu cho từng số, ví dụ “${example} ${plan.indicators[0]?.shortName.toLocaleLowerCase('vi') ?? ''}”. Các chỉ tiêu đang theo dõi: ${allShort()}.`;
    }
    case 'unreadable':
      return `Tôi chưa đọc được số “${p.raw}”. Anh/chị viết lại theo cách: dấu chấm phân cách hàng nghìn, dấu phẩy cho phần thập phân, ví dụ 1.234/1.500 hoặc 85,5%.`;
    case 'noFigures':
      return `Tôi chưa thấy số liệu nào trong tin nhắn. Anh/chị ghi rõ tên chỉ tiêu kèm ${EXAMPLE}. Các chỉ tiêu đang theo dõi: ${allShort()}.`;
    case 'twoYears':
      return 'Tin nhắn nhắc đến hai năm khác nhau. Anh/chị gửi số liệu của từng năm trong một tin nhắn riêng.';
  }
}

/** One question covering every problem (one line each when there are several). */
export function questionFor(problems: readonly Problem[], plan: PlanModel): string {
  // Several bare numbers make one sentence, so the list of indicators is shown once.
  const bare = problems.flatMap((p) => (p.kind === 'noIndicator' ? [p.value] : []));
  const merged = bare.length > 1 ? [...problems.filter((p) => p.kind !== 'noIndicator'), { kind: 'noIndicator', value: bare.join(', ') } as const] : problems;
  const lines = [...new Set(merged.map((p) => sentence(p, plan)))];
  if (lines.length === 1) return lines[0]!;
  return ['Tôi chưa ghi nhận được số liệu, anh/chị giúp làm rõ:', ...lines.map((l) => `• ${l}`)].join('\n');
}
