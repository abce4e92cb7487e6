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

/** Since 07/2025: trung ương → tỉnh/thành phố → xã/phường/đặc khu (migration 004). */
export type UnitKind = 'trung_uong' | 'tinh' | 'thanh_pho' | 'phuong' | 'xa' | 'dac_khu';
export type Role = 'citizen' | 'officer' | 'staff' | 'admin';

export interface UnitsTable {
  id: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  /** "MM-DD": the yearly report is due before this day (by default the plan's own yearly deadline). */
  report_deadline: string | null;
  created_at: string;
}

export interface UsersTable {
  channel: string;
  channel_user_id: string;
  role: Role;
  unit_id: string | null;
  display_name: string | null;
  /** Where to reach the person (reminders). */
  chat_id: string | null;
  updated_at: string;
}

export interface InvitesTable {
  /** sha256 of the code: a leaked database does not leak usable codes. */
  code_hash: string;
  unit_id: string;
  role: 'officer' | 'staff';
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
  created_at: string;
}

export interface SubmissionsTable {
  id: string;
  unit_id: string;
  indicator_id: string;
  period: string;
  percent: number | null;
  numerator: number | null;
  denominator: number | null;
  approx: number;
  /** 'over' | 'under' | 'atLeast' | 'about' for an approximate figure, else null (migration 003). */
  qualifier: string | null;
  raw_message: string;
  user_channel: string;
  user_id: string;
  created_at: string;
  supersedes: string | null;
  version: number;
  confirm_key: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  /** "channel:userId", or "cli". */
  actor: string;
  action: string;
  /** JSON */
  detail: string;
}

export interface RemindersTable {
  unit_id: string;
  period: string;
  sent_at: string;
}

export interface PlansTable {
  doc_id: string;
  /** JSON: Plan under review; null once approved and not edited since. */
  draft: string | null;
  /** JSON: the approved Plan, the one the flows read. */
  approved: string | null;
  /** 'rules' | 'llm' | 'seed' */
  extracted_by: string;
  updated_at: string;
  approved_at: string | null;
  approved_by: string | null;
}

export interface UnitPlansTable {
  unit_id: string;
  doc_id: string;
  created_at: string;
}

export interface LoginCodesTable {
  /** sha256 of the one-time code the bot gave (/dangnhap). */
  code_hash: string;
  channel: string;
  channel_user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface WebSessionsTable {
  /** sha256 of the session cookie's value. */
  id_hash: string;
  channel: string;
  channel_user_id: string;
  /** The token every form of the session must carry back. */
  csrf: string;
  expires_at: string;
  created_at: string;
}

export interface Database {
  deliveries: DeliveriesTable;
  answers: AnswersTable;
  feedback: FeedbackTable;
  conversations: ConversationsTable;
  units: UnitsTable;
  users: UsersTable;
  invites: InvitesTable;
  submissions: SubmissionsTable;
  audit_log: AuditLogTable;
  reminders: RemindersTable;
  plans: PlansTable;
  unit_plans: UnitPlansTable;
  login_codes: LoginCodesTable;
  web_sessions: WebSessionsTable;
}
