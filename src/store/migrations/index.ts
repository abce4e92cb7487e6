import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

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
  '002_reports': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('thanh_pho', 'phuong', 'xa', 'dac_khu')`))
        .addColumn('parent_id', 'text', (c) => c.references('units.id'))
        .addColumn('report_deadline', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('users')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('channel_user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('citizen', 'officer', 'staff', 'admin')`))
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('display_name', 'text')
        .addColumn('chat_id', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('users_pk', ['channel', 'channel_user_id'])
        .execute();
      await db.schema
        .createTable('invites')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('officer', 'staff')`))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('used_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('percent', 'real')
        .addColumn('numerator', 'integer')
        .addColumn('denominator', 'integer')
        .addColumn('approx', 'integer', (c) => c.notNull())
        .addColumn('raw_message', 'text', (c) => c.notNull())
        .addColumn('user_channel', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('supersedes', 'text', (c) => c.references('submissions.id'))
        // 1, 2, 3… per unit, indicator and period: the order of corrections, never two of a rank.
        .addColumn('version', 'integer', (c) => c.notNull())
        // One row per confirmed draft and indicator: pressing "Đồng ý" twice stores once.
        .addColumn('confirm_key', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createIndex('submissions_version')
        .on('submissions')
        .columns(['unit_id', 'indicator_id', 'period', 'version'])
        .unique()
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('reminders')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminders_pk', ['unit_id', 'period'])
        .execute();
      const now = new Date().toISOString();
      await db
        .insertInto('units')
        .values([
          { id: 'hai-phong', name: 'Thành phố Hải Phòng', kind: 'thanh_pho', parent_id: null, report_deadline: null, created_at: now },
          { id: 'hong-an', name: 'Phường Hồng An', kind: 'phuong', parent_id: 'hai-phong', report_deadline: '12-05', created_at: now },
          { id: 'hai-duong', name: 'Phường Hải Dương', kind: 'phuong', parent_id: 'hai-phong', report_deadline: '12-15', created_at: now },
        ])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['reminders', 'audit_log', 'submissions', 'invites', 'users', 'units']) await db.schema.dropTable(t).execute();
    },
  },
  '003_qualifier': {
    // Which way an approximate figure leans ("hơn 80%": over), so it reads and is judged as sent.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('submissions').addColumn('qualifier', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('submissions').dropColumn('qualifier').execute();
    },
  },
  '004_plans': {
    // Units on every level since 07/2025 (trung ương → tỉnh/thành phố → xã/phường/đặc khu), plans
    // as data (a draft the rules or the LLM read, the approved copy the flows use), which plan(s)
    // a unit follows, and the staff web page's one-time sign-in codes and sessions.
    async up(db: Kysely<any>) {
      const kinds = sql.raw(`'trung_uong', 'tinh', 'thanh_pho', 'phuong', 'xa', 'dac_khu'`);
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`alter table units drop constraint if exists units_kind_check`.execute(db);
        await sql`alter table units add constraint units_kind_check check (kind in (${kinds}))`.execute(db);
      } else {
        // SQLite cannot alter a check constraint: rebuild the table (its documented procedure),
        // with foreign keys off so the rows that reference units keep pointing at the same ids.
        await sql`pragma foreign_keys = off`.execute(db);
        await db.schema
          .createTable('units_new')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${kinds})`))
          .addColumn('parent_id', 'text', (c) => c.references('units.id'))
          .addColumn('report_deadline', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into units_new select id, name, kind, parent_id, report_deadline, created_at from units`.execute(db);
        await db.schema.dropTable('units').execute();
        await db.schema.alterTable('units_new').renameTo('units').execute();
        await sql`pragma foreign_keys = on`.execute(db);
      }
      await db.schema
        .createTable('plans')
        .addColumn('doc_id', 'text', (c) => c.primaryKey())
        // JSON of the plan under review, and of the approved copy (null until approved).
        .addColumn('draft', 'text')
        .addColumn('approved', 'text')
        .addColumn('extracted_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('approved_at', 'text')
        .addColumn('approved_by', 'text')
        .execute();
      await db.schema
        .createTable('unit_plans')
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('unit_plans_pk', ['unit_id', 'doc_id'])
        .execute();
      await db.schema
        .createTable('login_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('channel_user_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('web_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('channel_user_id', 'text', (c) => c.notNull())
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['web_sessions', 'login_codes', 'unit_plans', 'plans']) await db.schema.dropTable(t).execute();
    },
  },
};
