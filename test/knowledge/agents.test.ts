import { describe, expect, it } from 'vitest';
import { agentAsked, agentClause } from '../../src/knowledge/answer/agents.js';

describe('agentClause: the sentence that says who does what', () => {
  it('finds a capitalised name right before the verb, across "đã"', () => {
    const s = 'Thủ tướng Chính phủ đã phát động và triển khai Phong trào thi đua.';
    expect(agentClause(s, 'phat dong')).toBe(s);
  });

  it('does not take a name that ends before "về việc" for the agent', () => {
    expect(agentClause('Kế hoạch số 150/KH-UBND của UBND thành phố Hải Phòng về việc phát động Phong trào thi đua.', 'phat dong')).toBeUndefined();
  });

  it('does not look past punctuation or take a lower-case subject', () => {
    expect(agentClause('Trong năm 2025, phát động phong trào học tập.', 'phat dong')).toBeUndefined();
    expect(agentClause('các đơn vị phát động phong trào.', 'phat dong')).toBeUndefined();
  });

  it('cuts a long sentence to the clause that names the agent', () => {
    const preamble = Array.from({ length: 12 }, (_, i) => `Nghị quyết số ${i + 1}/NQ-CP của Chính phủ,`).join(' ');
    const got = agentClause(`Thực hiện ${preamble} Thủ tướng Chính phủ đã phát động Phong trào.`, 'phat dong');
    expect(got).toBe('… Thủ tướng Chính phủ đã phát động Phong trào.');
  });
});

describe('agentAsked: the act a question asks who does', () => {
  it('reads "ai phát động", "ai là người đứng ra phát động", "cơ quan nào chủ trì"; not "ai ký", "ai là"', () => {
    expect(agentAsked('ai phat dong phong trao')).toBe('phat dong');
    expect(agentAsked('ai la nguoi dung ra phat dong phong trao')).toBe('phat dong');
    expect(agentAsked('co quan nao chu tri ke hoach')).toBe('chu tri');
    expect(agentAsked('ai ky cong van')).toBeUndefined();
    expect(agentAsked('ai la truong phong')).toBeUndefined();
  });
});
