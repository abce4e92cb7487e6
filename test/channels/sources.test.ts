import { describe, expect, it } from 'vitest';
import { groupSources, sourceNumbers } from '../../src/channels/sources.js';

describe('source list', () => {
  it('writes runs of three or more as ranges, others one by one', () => {
    expect(sourceNumbers({ numbers: [4] })).toBe('4');
    expect(sourceNumbers({ numbers: [1, 2] })).toBe('1, 2');
    expect(sourceNumbers({ numbers: [1, 2, 3, 6, 8, 9, 10] })).toBe('1–3, 6, 8–10');
  });

  it('groups the milestones\' repeated sources by place, in order of first citation', () => {
    const c = (title: string, section: string) => ({ docId: title, title, section, quote: `${title}${section}` });
    const cites = [c('CV 2144', '6.'), c('KH Hồng An', 'II.3'), c('CV 2144', '6.'), c('KH Hồng An', 'II.3'), c('KH Hồng An', 'VI.4')];
    expect(groupSources(cites).map((g) => [g.title, g.section, sourceNumbers(g)])).toEqual([
      ['CV 2144', '6.', '1, 3'],
      ['KH Hồng An', 'II.3', '2, 4'],
      ['KH Hồng An', 'VI.4', '5'],
    ]);
  });
});
