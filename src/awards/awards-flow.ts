import type { Choice, Citation, Incoming, Reply } from '../core/message.js';
import { placesNamed, placesOf } from '../knowledge/search/places.js';
import { fold } from '../knowledge/ingest/normalize.js';
import type { Chunk, DocMeta } from '../knowledge/types.js';
import { formatFigure, percentOf } from '../reports/progress.js';
import type { ReportStore, Unit } from '../store/reports.js';
import { BODIES, buildTasks, matchBodies, taskCitation } from './bodies.js';
import { allCards, findCard, type Award, type Card, type Catalog, type Source } from './catalog.js';
import { parseWalkPayload, stepsOf, verdicts, walkPayload, type Step } from './eligibility.js';
import { matchAward } from './match.js';
import { matchQuestion, type TextRoute } from './route.js';
import { awardTexts as t, subjectLabel, subjectPhrase } from './texts.vi.js';
import { buildMilestones, deadlineSource, nextDeadline } from './timeline.js';

export interface AwardsDeps {
  reports: ReportStore;
  corpus: { chunks: Chunk[]; docs: DocMeta[] };
  /** The award catalog of the asker's plan. */
  catalog: Catalog;
  now?: () => Date;
}

/** Numbered citations for one reply: the same source cited twice gets one number. */
function citations(docs: DocMeta[]) {
  const list: Citation[] = [];
  return {
    list,
    /** " [n]" marker for this source. */
    mark(s: Source): string {
      let i = list.findIndex((c) => c.docId === s.docId && c.section === s.section && c.quote === s.quote);
      if (i < 0) i = list.push({ docId: s.docId, title: docs.find((d) => d.id === s.docId)?.label ?? s.docId, section: s.section, quote: s.quote }) - 1;
      return ` [${i + 1}]`;
    },
  };
}

/** "2026-11-20T…" → "20/11/2026" (Vietnam time). */
function viDay(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/**
 * Award criteria, the eligibility self-check, milestones and who-does-what. Wired into the core
 * like the reporting side: each handler returns undefined when the input is not its own.
 * Nothing is stored: the eligibility walk carries its answers in the button payloads.
 */
export function createAwards(deps: AwardsDeps) {
  const { reports, corpus } = deps;
  const { catalog } = deps;
  const now = () => deps.now?.() ?? new Date();
  const tasks = buildTasks(corpus.chunks);
  const bodies = BODIES.filter((b) => tasks.some((x) => x.bodyId === b.id));
  const milestones = buildMilestones(corpus.chunks, corpus.docs);
  const occasion = new Map(catalog.occasions.map((o) => [o.id, o]));

  const awardChoices = (awards: Award[]): Choice[] => awards.map((a) => ({ label: a.name, payload: `kt:${a.id}` }));
  const cardTitle = (award: Award, card: Card) => (card.subject ? `${award.name} — ${subjectPhrase[card.subject]}` : award.name);

  function awardList(awards = catalog.awards, text: string = t.listTitle): Reply[] {
    const cites = citations(corpus.docs);
    const lines = awards.map((a) => `• ${a.name}${cites.mark(a.listed)}`);
    return [{ text: `${text}\n${lines.join('\n')}`, citations: cites.list, choices: awardChoices(awards) }];
  }

  function subjectChoices(award: Award, cards = award.cards): Reply[] {
    const choices = cards.map((c) => ({ label: c.subject ? subjectLabel[c.subject] : award.name, payload: `kt:${c.id}` }));
    return [{ text: t.chooseSubject(award.name), choices }];
  }

  function cardReply(award: Award, card: Card): Reply[] {
    const cites = citations(corpus.docs);
    const parts = [`🏅 ${cardTitle(award, card)}`];
    if (!card.subject) parts.push(t.recipients(award.recipients.map((s) => subjectLabel[s].toLowerCase()).join(', ')));
    if (card.general) parts.push(`${t.general} ${card.general.text}${cites.mark(card.general.source)}`);
    parts.push(t.criteria, ...card.criteria.map((c, i) => `${i + 1}. ${c.text}${cites.mark(c.source)}`));
    const when = award.occasions.map((id) => occasion.get(id)!).map((o) => `• ${o.label}${cites.mark(o.source)}`);
    parts.push(t.occasions, ...when);
    const choices: Choice[] = [{ label: t.checkEligibility, payload: walkPayload(card.id, 0) }];
    if (award.cards.length > 1) choices.push({ label: t.otherSubjects, payload: `kt:${award.id}` });
    choices.push({ label: t.otherAwards, payload: 'kt:' });
    return [{ text: parts.join('\n'), citations: cites.list, choices }];
  }

  /** The unit's latest reported figure for an indicator (newest period first). */
  async function figureFor(unit: Unit, indicatorId: string) {
    const periods = [...new Set([String(now().getFullYear()), '2026', '2025'])].sort().reverse();
    for (const period of periods) {
      const s = (await reports.latest(period, unit.id)).find((x) => x.indicatorId === indicatorId);
      const percent = s ? percentOf(s) : null;
      if (s && percent !== null) return { period, percent, figure: formatFigure(s), reportedOn: viDay(s.createdAt) };
    }
    return undefined;
  }

  /** What the store says about a step for the person's unit, or undefined when it cannot say. */
  async function evidence(unit: Unit | undefined, step: Step) {
    const measure = step.criterion?.measure;
    if (!unit || !measure) return undefined;
    const f = await figureFor(unit, measure.indicatorId);
    return f && { ...f, met: f.percent >= measure.minPercent, min: measure.minPercent, unit: unit.name };
  }

  async function unitOf(msg: Incoming): Promise<Unit | undefined> {
    const person = await reports.getPerson(msg.channel, msg.userId);
    return person.unitId ? reports.getUnit(person.unitId) : undefined;
  }

  async function walk(msg: Incoming, cardId: string, index: number, answers: string): Promise<Reply[]> {
    const found = findCard(catalog, cardId);
    const steps = found && stepsOf(found.card);
    if (!found || !steps || answers.length !== index || index > steps.length) return [{ text: t.walkExpired }];
    const unit = await unitOf(msg);
    const notes: string[] = [];
    while (index < steps.length) {
      const e = await evidence(unit, steps[index]!);
      if (!e) break;
      notes.push(t.preAnswered(index + 1, e.unit, e.period, e.figure, e.reportedOn, e.met, e.min));
      answers += e.met ? 'Y' : 'N';
      index++;
    }
    const title = cardTitle(found.award, found.card);
    const cites = citations(corpus.docs);
    if (index < steps.length) {
      const step = steps[index]!;
      const ask = step.criterion ? t.askCriterion : t.askGeneral;
      const text = [t.checkTitle(title), ...notes, `${t.question(index + 1, steps.length)} ${step.text}${cites.mark(step.source)}`, ask].join('\n');
      const choices = ([['y', t.yes], ['n', t.no], ['u', t.unsure]] as const).map(([code, label]) => ({ label, payload: walkPayload(cardId, index + 1, answers + code) }));
      return [{ text, citations: cites.list, choices }];
    }
    const v = verdicts(answers);
    const line = async (i: number) => {
      const auto = answers[i] === 'Y' || answers[i] === 'N' ? await evidence(unit, steps[i]!) : undefined;
      return `• ${i + 1}. ${steps[i]!.text}${auto ? t.fromFigure(auto.period, auto.figure, auto.reportedOn) : ''}${cites.mark(steps[i]!.source)}`;
    };
    const group = async (head: string, idx: number[]) => [head, ...(idx.length ? await Promise.all(idx.map(line)) : [t.none])];
    const text = [
      t.resultTitle(title),
      ...notes,
      ...(await group(t.met, v.met)),
      ...(await group(t.notMet, v.notMet)),
      ...(await group(t.needEvidence, v.unsure)),
      t.resultNote,
    ].join('\n');
    const choices = [
      { label: t.checkAgain, payload: walkPayload(cardId, 0) },
      { label: t.showCard, payload: `kt:${cardId}` },
    ];
    return [{ text, citations: cites.list, choices }];
  }

  async function milestonesReply(msg: Incoming): Promise<Reply[]> {
    if (milestones.length === 0) return [{ text: t.noMilestones }];
    const cites = citations(corpus.docs);
    const lines = milestones.map((m) => `• ${t.year(m.year)}: ${m.items[0]!.text}${m.items.map((i) => cites.mark(i)).join('')}`);
    const mine = await unitOf(msg);
    const units = mine?.deadline ? [mine] : (await reports.listUnits()).filter((u) => u.deadline);
    const deadlines = units.map((u) => {
      const { date, days } = nextDeadline(u.deadline!, now());
      const src = deadlineSource(corpus.chunks, u.deadline!, u.id);
      return `${t.deadline(u.name, date, days)}${src ? cites.mark(src) : ''}`;
    });
    const parts = [t.milestonesTitle, ...lines];
    if (deadlines.length) parts.push('', t.deadlineTitle, ...deadlines);
    if (!mine?.deadline && deadlines.length) parts.push(t.deadlineHint);
    return [{ text: parts.join('\n'), citations: cites.list }];
  }

  const bodyChoices = (list = bodies): Choice[] => list.map((b) => ({ label: b.name, payload: `nv:${b.id}` }));

  const places = placesOf(corpus.docs);

  /**
   * The documents to list a body's tasks from: those of the wards a question names, in the order
   * named ("MTTQ phường Hải Dương … như Hồng An không": Hải Dương first), when they give the body
   * tasks; every document otherwise.
   */
  function docsFor(bodyId: string, question: string): DocMeta[] {
    const ofPlace = (p: string) => corpus.docs.filter((d) => fold(d.issuer).includes(p) && tasks.some((x) => x.bodyId === bodyId && x.docId === d.id));
    const docs = placesNamed(question, places).flatMap(ofPlace);
    return docs.length ? docs : corpus.docs;
  }

  function tasksReply(bodyId: string, question = ''): Reply[] {
    const body = bodies.find((b) => b.id === bodyId);
    if (!body) return [{ text: t.bodiesTitle, choices: bodyChoices() }];
    const cites = citations(corpus.docs);
    const mine = tasks.filter((x) => x.bodyId === bodyId);
    const parts = [t.tasksTitle(body.name)];
    let n = 0;
    for (const doc of docsFor(bodyId, question)) {
      const ofDoc = mine.filter((x) => x.docId === doc.id);
      if (ofDoc.length === 0) continue;
      parts.push('', t.fromDoc(doc.label), ...ofDoc.map((x) => `${++n}. ${x.quote}${cites.mark(taskCitation(x, corpus.docs))}`));
    }
    return [{ text: parts.join('\n'), citations: cites.list }];
  }

  function render(route: TextRoute, msg: Incoming): Reply[] | Promise<Reply[]> {
    switch (route.kind) {
      case 'milestones':
        return milestonesReply(msg);
      case 'card': {
        const found = findCard(catalog, route.cardId)!;
        return cardReply(found.award, found.card);
      }
      case 'subjects': {
        const award = catalog.awards.find((a) => a.id === route.awardId)!;
        return subjectChoices(award, award.cards.filter((c) => route.cardIds.includes(c.id)));
      }
      case 'awards':
        return awardList(catalog.awards.filter((a) => route.awardIds.includes(a.id)), route.awardIds.length < catalog.awards.length ? t.chooseAward : t.listTitle);
      case 'tasks':
        return route.bodyIds.length === 1 ? tasksReply(route.bodyIds[0]!, msg.text) : [{ text: t.bodiesTitle, choices: bodyChoices(bodies.filter((b) => route.bodyIds.includes(b.id))) }];
    }
  }

  return {
    /** /khenthuong [câu hỏi], /moc, /nhiemvu [cơ quan]; undefined for any other command. */
    async command(msg: Incoming, command: string, rest: string): Promise<Reply[] | undefined> {
      switch (command) {
        case 'khenthuong': {
          const route = rest ? matchQuestion(catalog, rest) : undefined;
          return route && route.kind !== 'tasks' && route.kind !== 'milestones' ? render(route, msg) : awardList();
        }
        case 'moc':
          return milestonesReply(msg);
        case 'nhiemvu': {
          if (!rest) return [{ text: t.bodiesTitle, choices: bodyChoices() }];
          const found = matchBodies(rest).filter((b) => bodies.includes(b));
          if (found.length === 0) return [{ text: t.bodyNotFound(rest), choices: bodyChoices() }];
          return render({ kind: 'tasks', bodyIds: found.map((b) => b.id) }, msg);
        }
        default:
          return undefined;
      }
    },

    /** kt:… (award list, subjects, card), ktdk:… (eligibility walk), nv:… (a body's tasks). */
    async payload(msg: Incoming, payload: string): Promise<Reply[] | undefined> {
      const walkStep = parseWalkPayload(payload);
      if (walkStep) return walk(msg, walkStep.cardId, walkStep.index, walkStep.answers);
      const kt = /^kt:([a-z0-9-]*)(?:\/([a-z0-9-]+))?$/.exec(payload);
      if (kt) {
        if (!kt[1]) return awardList();
        const award = catalog.awards.find((a) => a.id === kt[1]);
        if (!award) return [{ text: t.unknownAward }];
        if (!kt[2]) return award.cards.length === 1 ? cardReply(award, award.cards[0]!) : subjectChoices(award);
        const card = award.cards.find((c) => c.subject === kt[2]);
        return card ? cardReply(award, card) : [{ text: t.unknownAward }];
      }
      const nv = /^nv:([a-z0-9-]+)$/.exec(payload);
      return nv ? tasksReply(nv[1]!) : undefined;
    },

    /** A free-text question about an award's criteria or a body's tasks; undefined otherwise. */
    async text(msg: Incoming, text: string): Promise<Reply[] | undefined> {
      const route = matchQuestion(catalog, text);
      return route && render(route, msg);
    },

    /**
     * Buttons that open the awards a message names ("🏅 Bằng khen của Thủ tướng Chính phủ"), for a
     * reply that could not answer it: the criteria are one tap away even when the case told in
     * the question is not.
     */
    related(text: string): Choice[] {
      const m = matchAward(catalog, text);
      return m ? m.awards.map((a) => ({ label: t.openAward(a.name), payload: `kt:${a.id}` })) : [];
    },

    /** Every card id, for tests and tools. */
    cardIds: () => allCards(catalog).map((x) => x.card.id),
  };
}

export type Awards = ReturnType<typeof createAwards>;
