import type { Logger } from '../logger.js';
import type { Knowledge } from '../knowledge/types.js';
import type { ReportStore } from '../store/reports.js';
import type { Store } from '../store/store.js';
import { createAwards } from '../awards/awards-flow.js';
import { createReporting, type ReportingDeps } from './reporting.js';
import { bareWords, smallTalk } from './small-talk.js';
import type { Choice, Incoming, Reply } from './message.js';
import { texts } from './texts.vi.js';
import { createDocumentFlow } from '../documents/chat-flow.js';
import type { Documents } from '../documents/service.js';
import type { Plans } from '../plans/service.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { createSignIn } from './sign-in.js';
import type { PlanModel } from '../plans/model.js';
import { fold } from '../knowledge/ingest/normalize.js';

export interface CoreDeps {
  knowledge: Knowledge;
  store: Store;
  reports: ReportStore;
  /** Units' approved plans: targets, deadlines and awards. */
  plans: Plans;
  logger: Logger;
  chart?: ReportingDeps['chart'];
  figuresLlm?: ReportingDeps['figuresLlm'];
  /** Documents staff add by chat; without it a file gets the "not accepted here" reply. */
  documents?: Documents;
  /** For /dangnhap: one-time sign-in codes of the staff web page live in the database. */
  db?: Kysely<Database>;
  /** Where the staff page is reached: PUBLIC_URL, else http://127.0.0.1:PORT. */
  publicUrl?: string;
  port?: number;
  now?: () => Date;
}

export const MAX_QUESTION_CHARS = 2000;

/** Channels that already show every quote under the answer (no "Xem trích dẫn" button needed). */
const QUOTES_INLINE = new Set<Incoming['channel']>(['web']);

/** "/hoi@TroLyBot câu hỏi" → { command: 'hoi', rest: 'câu hỏi' }; plain text → null. */
export function parseCommand(text: string): { command: string; rest: string } | null {
  const m = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return m ? { command: m[1]!.toLowerCase(), rest: (m[2] ?? '').trim() } : null;
}

/** Words people type for a choice instead of its label (folded): "ok" confirms, "thôi" cancels. */
const CHOICE_WORDS: Record<string, string> = { ok: 'dong y', 'xac nhan': 'dong y', luu: 'dong y', 'huy bo': 'huy', 'bo qua': 'huy', thoi: 'huy' };

/**
 * The channel-agnostic conversation core: one message in, the replies out.
 * Channels translate platform updates to `Incoming` and render `Reply`; no rule lives there.
 * - A repeated `deliveryId` gets no reply (platforms redeliver).
 * - A bare number picks one of the numbered choices last offered in this chat (plain-text
 *   channels), read from the store, so a restart or a second instance loses nothing.
 * @example const handle = createCore({ knowledge, store, logger }); await handle({ channel: 'web', chatId: 'a', userId: 'a', text: '/start' })
 */
export function createCore(deps: CoreDeps) {
  const { store, knowledge } = deps;
  const reporting = createReporting(deps);
  const signIn = deps.db
    ? createSignIn({ reports: deps.reports, db: deps.db, ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}), ...(deps.port ? { port: deps.port } : {}) })
    : undefined;
  const documents = deps.documents ? createDocumentFlow({ documents: deps.documents, reports: deps.reports, store }) : undefined;
  // One awards flow per plan catalog, rebuilt after a live reindex swapped in other chunks.
  let builtFor: Knowledge['chunks'] | undefined;
  const built = new Map<PlanModel['catalog'], ReturnType<typeof createAwards>>();
  const awardsOf = (plan: PlanModel) => {
    if (builtFor !== knowledge.chunks) {
      builtFor = knowledge.chunks;
      built.clear();
    }
    let a = built.get(plan.catalog);
    if (!a) {
      const corpus = { chunks: knowledge.chunks, docs: knowledge.docs };
      built.set(plan.catalog, (a = createAwards({ reports: deps.reports, corpus, catalog: plan.catalog, ...(deps.now ? { now: deps.now } : {}) })));
    }
    return a;
  };
  /** The plan a person's awards and milestones come from: their unit's (officer, staff or the one a citizen picked), else the default. */
  async function planFor(msg: Incoming): Promise<PlanModel | null> {
    const person = await deps.reports.getPerson(msg.channel, msg.userId);
    return (person.unitId ? await deps.plans.forUnit(person.unitId) : null) ?? (await deps.plans.fallback());
  }
  const NO_AWARDS = { text: async () => undefined, command: async () => undefined, payload: async () => undefined, related: () => [] };
  const awardsNow = async (msg: Incoming) => {
    const plan = await planFor(msg);
    return plan ? awardsOf(plan) : NO_AWARDS;
  };

  /** /donvi: a citizen picks their unit (remembered); answers then prefer its documents. */
  async function chooseUnit(msg: Incoming, rest: string): Promise<Reply[]> {
    const units = await deps.reports.listUnits();
    const label = (u: { id: string; name: string }) => `${u.name} (${u.id})`;
    const person = await deps.reports.getPerson(msg.channel, msg.userId);
    if (!rest) {
      const current = person.unitId ? units.find((u) => u.id === person.unitId) : undefined;
      return [{ text: current ? texts.unitCurrent(current.name) : texts.unitList(units.map(label)) }];
    }
    const q = fold(rest).replace(/\s+/g, ' ').trim();
    const found = units.find((u) => u.id === q) ?? units.find((u) => fold(u.name) === q) ?? units.filter((u) => fold(u.name).includes(q)).sort((a, b) => a.name.length - b.name.length)[0];
    if (!found) return [{ text: texts.unitNotFound(rest, units.map(label)) }];
    // Officers and staff keep the unit their invite gave; a citizen's choice is only a preference.
    if (person.role !== 'citizen') return [{ text: texts.unitCurrent(units.find((u) => u.id === person.unitId)?.name ?? found.name) }];
    await deps.reports.setPerson(msg.channel, msg.userId, { role: 'citizen', unitId: found.id, displayName: person.displayName, chatId: msg.chatId }, `${msg.channel}:${msg.userId}`);
    return [{ text: texts.unitChosen(found.name) }];
  }

  /** The place a citizen chose, as the knowledge base understands places: the unit's name. */
  async function preferredPlace(msg: Incoming): Promise<string | undefined> {
    const person = await deps.reports.getPerson(msg.channel, msg.userId);
    if (!person.unitId) return undefined;
    return (await deps.reports.getUnit(person.unitId))?.name;
  }

  async function answer(msg: Incoming, question: string): Promise<Reply[]> {
    if (!question) return [{ text: texts.emptyQuestion }];
    if (question.length > MAX_QUESTION_CHARS) return [{ text: texts.tooLong(MAX_QUESTION_CHARS) }];
    // A question that names no place goes to the asker's unit first (/donvi), when there is one.
    const place = await preferredPlace(msg);
    const a = await knowledge.ask(question, place ? { preferPlace: place } : undefined);
    const id = await store.saveAnswer({ channel: msg.channel, chatId: msg.chatId, userId: msg.userId, question, ...a });
    const choices: Choice[] = [];
    if (a.citations.length && !QUOTES_INLINE.has(msg.channel)) choices.push({ label: texts.showQuotes, payload: `cite:${id}` });
    // Declined, but an award is named: its criteria are one tap away.
    if (!a.answered) choices.push(...(await awardsNow(msg)).related(question));
    return [{ text: a.answer, citations: a.citations, choices: [...choices, ...feedbackChoices(id)] }];
  }

  const feedbackChoices = (answerId: string): Choice[] => [
    { label: texts.helpful, payload: `fb:${answerId}:up` },
    { label: texts.notHelpful, payload: `fb:${answerId}:down` },
  ];

  async function onPayload(msg: Incoming, payload: string): Promise<Reply[]> {
    const cite = /^cite:([\w-]+)$/.exec(payload);
    if (cite) {
      const a = await store.getAnswer(cite[1]!);
      if (!a || a.citations.length === 0) return [{ text: texts.unknownChoice }];
      const quotes = a.citations.map((c, i) => `[${i + 1}] ${c.title}${c.section ? ` — ${c.section}` : ''}\n“${c.quote}”`);
      return [{ text: `${texts.quotesFor(a.question)}\n\n${quotes.join('\n\n')}`, choices: feedbackChoices(a.id) }];
    }
    const fb = /^fb:([\w-]+):(up|down)$/.exec(payload);
    if (fb) {
      if (!(await store.getAnswer(fb[1]!))) return [{ text: texts.unknownChoice }];
      await store.saveFeedback({ answerId: fb[1]!, userId: msg.userId, channel: msg.channel, rating: fb[2] as 'up' | 'down' });
      return [{ text: fb[2] === 'up' ? texts.thanksUp : texts.thanksDown }];
    }
    return [{ text: texts.unknownChoice }];
  }

  async function route(msg: Incoming, text: string, payload: string | undefined): Promise<Reply[]> {
    if (msg.file) return documents ? documents.file(msg) : [{ text: texts.filesNotAccepted }];
    if (payload) return (await documents?.payload(msg, payload)) ?? (await reporting.payload(msg, payload)) ?? (await (await awardsNow(msg)).payload(msg, payload)) ?? onPayload(msg, payload);
    const cmd = parseCommand(text);
    // Free text: small talk, an officer's figures, an award or a body named outright, else a question.
    if (!cmd) {
      const talk = smallTalk(text);
      if (talk) return [{ text: talk === 'thanks' ? texts.thanksReply : talk === 'noWords' ? texts.noWords : texts.welcome(msg.userName) }];
      return (await documents?.text(msg, text)) ?? (await reporting.text(msg, text)) ?? (await (await awardsNow(msg)).text(msg, text)) ?? answer(msg, text);
    }
    if (cmd.command === 'donvi') return chooseUnit(msg, cmd.rest);
    if (cmd.command === 'dangnhap') return signIn ? signIn.command(msg) : [{ text: texts.unknownCommand('/dangnhap') }];
    const reply = (await reporting.command(msg, cmd.command, cmd.rest)) ?? (await (await awardsNow(msg)).command(msg, cmd.command, cmd.rest));
    if (reply) return reply;
    switch (cmd.command) {
      case 'start':
        return [{ text: texts.welcome(msg.userName) }];
      case 'help':
      case 'trogiup':
        return [{ text: texts.help }];
      case 'hoi':
        return answer(msg, cmd.rest);
      default:
        return [{ text: texts.unknownCommand(`/${cmd.command}`) }];
    }
  }

  return async function handle(msg: Incoming): Promise<Reply[]> {
    if (msg.deliveryId && !(await store.firstDelivery(msg.channel, msg.deliveryId))) return [];
    const text = msg.text.trim();
    const state = await store.getState(msg.channel, msg.chatId);
    let payload = msg.payload;
    if (!payload && /^\d{1,2}$/.test(text)) {
      payload = state.choices?.[Number(text) - 1]?.payload;
      // A bare number with nothing to pick is a stale choice, not a question or a report.
      if (!payload) return [{ text: texts.unknownChoice }];
    }
    // A choice typed by its label ("đồng ý", "Hủy") or a word for it ("ok") picks it, like its number.
    const typed = payload ? '' : bareWords(text);
    const wanted = CHOICE_WORDS[typed] ?? typed;
    if (wanted) payload = state.choices?.find((c) => bareWords(c.label) === wanted)?.payload;
    // "hủy" with nothing to cancel is not a question about a Mr Huy; "đồng ý" confirms nothing.
    if (!payload && (typed === 'huy' || typed === 'huy bo')) return route(msg, '/huy', undefined);
    if (!payload && wanted === 'dong y' && typed !== 'ok') return [{ text: texts.unknownChoice }];
    const replies = await route(msg, text, payload);
    const choices = replies.flatMap((r) => r.choices ?? []);
    if (choices.length || state.choices?.length) {
      // Re-read: the reply may have changed the state (a draft saved or dropped).
      const latest = await store.getState(msg.channel, msg.chatId);
      await store.setState(msg.channel, msg.chatId, { ...latest, choices });
    }
    return replies;
  };
}

export type Handle = ReturnType<typeof createCore>;
