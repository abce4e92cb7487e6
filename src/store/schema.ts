/**
 * Table shapes, for Kysely's type-checked queries. Portable between SQLite and PostgreSQL:
 * timestamps are ISO-8601 text, flags are integers 0/1, structured values are JSON text.
 */

export interface DeliveriesTable {
  channel: string;
  delivery_id: string;
  received_at: string;
}

export interface AnswersTable {
  id: string;
  channel: string;
  chat_id: string;
  user_id: string;
  question: string;
  answered: number;
  answer: string;
  /** JSON: Citation[] */
  citations: string;
  created_at: string;
}

export interface FeedbackTable {
  answer_id: string;
  user_id: string;
  channel: string;
  rating: 'up' | 'down';
  created_at: string;
}

export interface ConversationsTable {
  channel: string;
  chat_id: string;
  /** JSON of the pending state; `version` lets a code change drop stale drafts. */
  state: string;
  version: number;
  updated_at: string;
}

export interface Database {
  deliveries: DeliveriesTable;
  answers: AnswersTable;
  feedback: FeedbackTable;
  conversations: ConversationsTable;
}
