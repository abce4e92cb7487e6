/**
 * Deadline reminders: in the days before a unit's yearly report deadline, the officers of a unit
 * that has not sent any figure for the period get one message each. At most once per unit and
 * period, across processes and restarts (the store's `markReminded` is the arbiter), and paced so
 * the channels' rate limits are never hit.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { ReportStore, Unit } from '../store/reports.js';
import { REPORTING_KINDS } from './export.js';

/** One message to one officer. */
export interface ReminderMessage {
  channel: string;
  chatId: string;
  text: string;
}

export interface RemindersOptions {
  reports: Pick<ReportStore, 'listUnits' | 'submissions' | 'officersOf' | 'markReminded'>;
  /** Delivers one message; a rejection is logged and the others still go out. */
  send: (m: ReminderMessage) => Promise<void>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Remind when the deadline is at most this many days ahead (7). */
  daysBefore?: number;
  now?: () => Date;
  /** Messages per second over all channels (20; Telegram allows about 30). */
  ratePerSecond?: number;
}

export interface Reminders {
  /** Checks every unit once; resolves when the messages are out. `period` defaults to this year. */
  runOnce(period?: string): Promise<{ sent: number; units: string[] }>;
  /** Checks now and then every `intervalMs` (one hour); runs never overlap. */
  start(intervalMs?: number): void;
  /** Stops the periodic check and waits for a check in progress. Idempotent. */
  stop(): Promise<void>;
}

/** Deadlines and "today" are Vietnamese calendar days (UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Vietnamese calendar day of an instant, as a UTC midnight timestamp. */
function vnDay(d: Date): { year: number; day: number } {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return { year: v.getUTCFullYear(), day: Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) };
}

/** "MM-DD" of a year → UTC midnight timestamp, or null when malformed. */
function deadlineDay(deadline: string, year: number): number | null {
  const m = /^(\d{2})-(\d{2})$/.exec(deadline);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const t = Date.UTC(year, month - 1, day);
  const back = new Date(t);
  return back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? t : null;
}

/** The reminder an officer reads. `deadline` is "MM-DD". */
export function reminderText(unitName: string, period: string, deadline: string, daysLeft: number): string {
  const [mm, dd] = deadline.split('-');
  return [
    `⏰ Nhắc hạn báo cáo: ${unitName} chưa gửi số liệu năm ${period}.`,
    `Hạn gửi: trước ngày ${dd}/${mm} (còn ${daysLeft} ngày).`,
    `Gửi số liệu bằng cách nhắn tin, ví dụ: Năm ${period}: 85% CBCCVC có kỹ năng số`,
    'Có thể gửi nhiều chỉ tiêu trong một tin; tôi sẽ đọc lại để bạn xác nhận trước khi lưu.',
  ].join('\n');
}

/**
 * Spaced starts: each caller starts at least 1/`perSecond` s after the previous caller actually
 * started (callers queue in call order), so a timer that fires late does not let the next start
 * early. At most `perSecond` starts in any second.
 */
function createPacer(perSecond: number) {
  const gap = 1000 / perSecond;
  let previous: Promise<number> = Promise.resolve(-Infinity);
  return async () => {
    const started = previous.then(async (last) => {
      const wait = last + gap - performance.now();
      if (wait > 0) await sleep(wait);
      return performance.now();
    });
    previous = started;
    await started;
  };
}

export function createReminders(opts: RemindersOptions): Reminders {
  const { reports, send, logger } = opts;
  const daysBefore = opts.daysBefore ?? 7;
  const now = opts.now ?? (() => new Date());
  const ratePerSecond = opts.ratePerSecond ?? 20;
  if (!(ratePerSecond > 0)) throw new Error(`ratePerSecond must be positive, got ${ratePerSecond}`);
  const pace = createPacer(ratePerSecond);

  /** Days from today to the unit's deadline in the period's year, when a reminder is due. */
  function daysLeft(unit: Unit, period: string): number | null {
    if (!unit.deadline) return null;
    const due = deadlineDay(unit.deadline, Number(period));
    if (due === null) {
      logger.warn({ unitId: unit.id, deadline: unit.deadline }, 'reminders: malformed deadline, skipped');
      return null;
    }
    const left = Math.round((due - vnDay(now()).day) / DAY_MS);
    // Due *before* the deadline day: on the day itself it is too late to remind.
    return left >= 1 && left <= daysBefore ? left : null;
  }

  async function runOnce(period?: string): Promise<{ sent: number; units: string[] }> {
    const p = period ?? String(vnDay(now()).year);
    if (!/^\d{4}$/.test(p)) throw new Error(`period must be a year, got "${p}"`);
    const outbox: { unitId: string; officer: string; message: ReminderMessage }[] = [];
    const units: string[] = [];
    for (const unit of await reports.listUnits()) {
      if (!REPORTING_KINDS.includes(unit.kind)) continue;
      const left = daysLeft(unit, p);
      if (left === null) continue;
      if ((await reports.submissions(p, unit.id)).length > 0) continue;
      const officers = (await reports.officersOf(unit.id)).filter((o) => o.chatId);
      // Nobody to tell: keep the slot, so an officer who joins before the deadline is reminded.
      if (officers.length === 0) {
        logger.warn({ unitId: unit.id, period: p }, 'reminders: unit has no reachable officer');
        continue;
      }
      if (!(await reports.markReminded(unit.id, p))) continue;
      units.push(unit.id);
      const text = reminderText(unit.name, p, unit.deadline!, left);
      for (const o of officers) outbox.push({ unitId: unit.id, officer: `${o.channel}:${o.userId}`, message: { channel: o.channel, chatId: o.chatId!, text } });
    }

    let sent = 0;
    const deliveries: Promise<void>[] = [];
    for (const item of outbox) {
      await pace();
      // Started at paced instants, not one after another: a slow send does not slow the rest.
      deliveries.push(
        send(item.message).then(
          () => void sent++,
          (err: unknown) =>
            logger.error({ err, unitId: item.unitId, officer: item.officer, period: p }, 'reminders: send failed'),
        ),
      );
    }
    await Promise.all(deliveries);
    if (units.length) logger.info({ period: p, units, sent, failed: outbox.length - sent }, 'reminders: sent');
    return { sent, units };
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((err: unknown) => logger.error({ err }, 'reminders: check failed'))
      .finally(() => (running = undefined));
  };

  return {
    runOnce,
    start(intervalMs = 3_600_000) {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
