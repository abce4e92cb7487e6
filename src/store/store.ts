import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Citation, Choice } from '../core/message.js';
import type { Database } from './schema.js';

/** An answer as it was given, so "Xem trích dẫn" and feedback refer to exactly what was said. */
export interface StoredAnswer {
  id: string;
  channel: string;
  chatId: string;
  userId: string;
  question: string;
  answered: boolean;
  answer: string;
  citations: Citation[];
  createdAt: string;
}

/** What is pending in one chat between two messages. Versioned: a new shape drops old drafts. */
export interface ConversationState {
  /** The numbered choices last offered; a bare number typed next picks one. */
  choices?: Choice[];
  [key: string]: unknown;
}

/** Bump when ConversationState changes shape; older stored states are then ignored. */
export const STATE_VERSION = 1;

const now = () => new Date().toISOString();

/**
 * The store the conversation core uses: deliveries seen, answers given, feedback, and per-chat
 * state. Every method is one statement or one transaction, safe under concurrent callers and
 * across processes sharing the database.
 */
export function createStore(db: Kysely<Database>) {
  return {
    db,

    /**
     * Records a delivery; true the first time (channel, id) is seen within `windowHours`, false
     * for a repeat. Platforms redeliver within hours; past the window an id may be reused (Telegram
     * picks update ids at random after a quiet week), so an old id counts as new again.
     */
    async firstDelivery(channel: string, deliveryId: string, windowHours = 48): Promise<boolean> {
      const at = now();
      const cutoff = new Date(Date.now() - windowHours * 3_600_000).toISOString();
      const r = await db
        .insertInto('deliveries')
        .values({ channel, delivery_id: deliveryId, received_at: at })
        .onConflict((oc) =>
          oc.columns(['channel', 'delivery_id']).doUpdateSet({ received_at: at }).where('deliveries.received_at', '<', cutoff),
        )
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Forgets deliveries older than `days` (platforms stop redelivering long before). */
    async pruneDeliveries(days = 7): Promise<void> {
      const before = new Date(Date.now() - days * 86_400_000).toISOString();
      await db.deleteFrom('deliveries').where('received_at', '<', before).execute();
    },

    async saveAnswer(a: Omit<StoredAnswer, 'id' | 'createdAt'>): Promise<string> {
      const id = randomBytes(6).toString('base64url');
      await db
        .insertInto('answers')
        .values({
          id,
          channel: a.channel,
          chat_id: a.chatId,
          user_id: a.userId,
          question: a.question,
          answered: a.answered ? 1 : 0,
          answer: a.answer,
          citations: JSON.stringify(a.citations),
          created_at: now(),
        })
        .execute();
      return id;
    },

    async getAnswer(id: string): Promise<StoredAnswer | undefined> {
      const r = await db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      return {
        id: r.id,
        channel: r.channel,
        chatId: r.chat_id,
        userId: r.user_id,
        question: r.question,
        answered: Number(r.answered) === 1,
        answer: r.answer,
        citations: JSON.parse(r.citations) as Citation[],
        createdAt: r.created_at,
      };
    },

    /** One rating per person and answer; pressing again changes it, never duplicates it. */
    async saveFeedback(f: { answerId: string; userId: string; channel: string; rating: 'up' | 'down' }): Promise<void> {
      await db
        .insertInto('feedback')
        .values({ answer_id: f.answerId, user_id: f.userId, channel: f.channel, rating: f.rating, created_at: now() })
        .onConflict((oc) => oc.columns(['answer_id', 'user_id']).doUpdateSet({ rating: f.rating, created_at: now() }))
        .execute();
    },

    async feedbackFor(answerId: string): Promise<{ userId: string; rating: 'up' | 'down' }[]> {
      const rows = await db.selectFrom('feedback').select(['user_id', 'rating']).where('answer_id', '=', answerId).execute();
      return rows.map((r) => ({ userId: r.user_id, rating: r.rating }));
    },

    async getState(channel: string, chatId: string): Promise<ConversationState> {
      const r = await db
        .selectFrom('conversations')
        .select(['state', 'version'])
        .where('channel', '=', channel)
        .where('chat_id', '=', chatId)
        .executeTakeFirst();
      return r && Number(r.version) === STATE_VERSION ? (JSON.parse(r.state) as ConversationState) : {};
    },

    async setState(channel: string, chatId: string, state: ConversationState): Promise<void> {
      const row = { channel, chat_id: chatId, state: JSON.stringify(state), version: STATE_VERSION, updated_at: now() };
      await db
        .insertInto('conversations')
        .values(row)
        .onConflict((oc) => oc.columns(['channel', 'chat_id']).doUpdateSet({ state: row.state, version: row.version, updated_at: row.updated_at }))
        .execute();
    },

    close: () => db.destroy(),
  };
}

export type Store = ReturnType<typeof createStore>;
