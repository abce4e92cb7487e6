import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Versioned migrations, applied in name order on start. Never edit one that has shipped:
 * add the next. Written in Kysely's schema builder so both dialects read the same source.
 */
export const migrations: Record<string, Migration> = {
  '001_channels': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('deliveries')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('delivery_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('deliveries_pk', ['channel', 'delivery_id'])
        .execute();
      await db.schema.createIndex('deliveries_received_at').on('deliveries').column('received_at').execute();
      await db.schema
        .createTable('answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('chat_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('citations', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('feedback')
        .addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('rating', 'text', (c) => c.notNull().check(sql`rating in ('up', 'down')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('feedback_pk', ['answer_id', 'user_id'])
        .execute();
      await db.schema
        .createTable('conversations')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('chat_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversations_pk', ['channel', 'chat_id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['conversations', 'feedback', 'answers', 'deliveries']) await db.schema.dropTable(t).execute();
    },
  },
};
