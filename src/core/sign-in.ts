/**
 * `/dangnhap`: the bot gives staff and admins a one-time code for the staff web page
 * (`/quan-tri`), with a link that fills it in. The chat identity is the proof: whoever holds this
 * chat account gets the code, so it is only sent in a private chat, never to a group.
 */
import type { Kysely } from 'kysely';
import { issueLoginCode } from '../staff/sign-in.js';
import type { Database } from '../store/schema.js';
import type { ReportStore } from '../store/reports.js';
import type { Incoming, Reply } from './message.js';

export const LOGIN_CODE_MINUTES = 10;

export const signInTexts = {
  code: (code: string, minutes: number, link: string) =>
    [
      `Mã đăng nhập trang quản trị: ${code}`,
      `Mã chỉ dùng được một lần và hết hạn sau ${minutes} phút.`,
      `Mở liên kết sau để đăng nhập (mã đã được điền sẵn): ${link}`,
      'Không chia sẻ mã này với người khác.',
    ].join('\n'),
  notAllowed:
    'Xin lỗi, trang quản trị chỉ dành cho cán bộ thi đua - khen thưởng và quản trị viên. Nếu bạn cần quyền truy cập, vui lòng liên hệ quản trị viên của hệ thống.',
  privateOnly: 'Vì lý do an toàn, mã đăng nhập chỉ được gửi trong tin nhắn riêng. Bạn hãy nhắn /dangnhap trực tiếp cho bot nhé.',
} as const;

export interface SignInDeps {
  reports: Pick<ReportStore, 'getPerson'>;
  db: Kysely<Database>;
  /** The bot's public address (PUBLIC_URL); without it the link points at this machine. */
  publicUrl?: string;
  /** The HTTP port, for the link when there is no public address (default 3000). */
  port?: number;
  /** How long a code is valid (default 10 minutes). */
  minutes?: number;
}

/** The base address of the web pages, without a trailing slash. */
export function staffBaseUrl(deps: Pick<SignInDeps, 'publicUrl' | 'port'>): string {
  return (deps.publicUrl ?? `http://127.0.0.1:${deps.port ?? 3000}`).replace(/\/+$/, '');
}

/**
 * @example
 * const signIn = createSignIn({ reports, db, publicUrl: config.publicUrl, port: config.port });
 * if (cmd.command === 'dangnhap') return signIn.command(msg);
 */
export function createSignIn(deps: SignInDeps) {
  const minutes = deps.minutes ?? LOGIN_CODE_MINUTES;
  return {
    /** The replies to `/dangnhap`. */
    async command(msg: Incoming): Promise<Reply[]> {
      const person = await deps.reports.getPerson(msg.channel, msg.userId);
      if (person.role !== 'staff' && person.role !== 'admin') return [{ text: signInTexts.notAllowed }];
      // A group chat's id differs from its member's: a code posted there is read by everyone.
      if (msg.chatId !== msg.userId) return [{ text: signInTexts.privateOnly }];
      const { code } = await issueLoginCode(deps.db, { channel: msg.channel, userId: msg.userId }, minutes);
      const link = `${staffBaseUrl(deps)}/quan-tri/dang-nhap?ma=${code}`;
      return [{ text: signInTexts.code(code, minutes, link) }];
    },
  };
}

export type SignIn = ReturnType<typeof createSignIn>;
