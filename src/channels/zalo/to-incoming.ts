/**
 * Zalo update → what the channel should do with it. Accepts an update flat
 * (`{ event_name, message }`, as webhooks deliver it) and wrapped (`{ ok: true, result: {…} }`, as
 * getUpdates answers and some relays forward it).
 */
import { z } from 'zod';
import type { Incoming } from '../../core/message.js';

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

const messageSchema = z.looseObject({
  message_id: idSchema,
  chat: z.looseObject({ id: idSchema, chat_type: z.string().optional() }),
  from: z
    .looseObject({ id: idSchema, display_name: z.string().optional(), is_bot: z.boolean().optional() })
    .optional(),
  text: z.string().optional(),
  /** An image message: its URL (`photo`, some relays say `photo_url`) and caption. */
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  date: z.number().optional(),
});

/** One Zalo event. `message.*.received` events carry a message; others are ignored. */
export const zaloUpdateSchema = z
  .looseObject({ event_name: z.string().optional(), message: messageSchema.optional() })
  .refine((u) => u.event_name !== undefined || u.message !== undefined, { error: 'neither event_name nor message' });
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

export const TEXT_EVENT = 'message.text.received';
export const IMAGE_EVENT = 'message.image.received';

export type ParsedUpdate =
  /** A text message, or an image (as `incoming.file`): hand it to the core. */
  | { kind: 'text'; incoming: Incoming & { channel: 'zalo'; deliveryId: string } }
  /** A message the bot cannot read (image, sticker, voice…): answer politely, skip the core. */
  | { kind: 'unsupported'; chatId: string; event: string; deliveryId: string }
  /** Well-formed but not for us (a bot's own message, an event without a message). */
  | { kind: 'ignored'; event: string; reason: string }
  /** Not a Zalo update at all. */
  | { kind: 'invalid'; problem: string };

/** `{ ok, result }` → `result`; anything else unchanged. */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && 'ok' in raw && 'result' in raw) return (raw as { result: unknown }).result;
  return raw;
}

/**
 * Classifies one raw update. Never throws.
 * @example parseUpdate({ event_name: 'message.text.received', message: { message_id: 'm1', chat: { id: 'u1' }, from: { id: 'u1' }, text: 'Xin chào' } })
 *   // → { kind: 'text', incoming: { channel: 'zalo', chatId: 'u1', userId: 'u1', text: 'Xin chào', deliveryId: 'message.text.received:m1' } }
 */
export function parseUpdate(raw: unknown): ParsedUpdate {
  const parsed = zaloUpdateSchema.safeParse(unwrap(raw));
  if (!parsed.success) {
    return { kind: 'invalid', problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  }
  const { message } = parsed.data;
  // getUpdates' documented sample has no event_name; a message with text is then a text message.
  const event = parsed.data.event_name ?? (typeof message?.text === 'string' ? TEXT_EVENT : 'message.unknown');
  if (!message) return { kind: 'ignored', event, reason: 'no message' };
  if (message.from?.is_bot) return { kind: 'ignored', event, reason: 'sent by a bot' };
  const deliveryId = `${event}:${message.message_id}`;
  const chatId = message.chat.id;
  const photo = message.photo ?? message.photo_url;
  if (event === IMAGE_EVENT && photo && /^https?:\/\//.test(photo)) {
    const incoming: Incoming & { channel: 'zalo'; deliveryId: string } = {
      channel: 'zalo',
      chatId,
      userId: message.from?.id ?? chatId,
      text: message.caption ?? '',
      deliveryId,
      file: { name: `anh-${message.message_id}.jpg`, kind: 'photo', download: () => downloadPhoto(photo) },
    };
    return { kind: 'text', incoming };
  }
  if (event !== TEXT_EVENT || typeof message.text !== 'string') return { kind: 'unsupported', chatId, event, deliveryId };
  const incoming: Incoming & { channel: 'zalo'; deliveryId: string } = {
    channel: 'zalo',
    chatId,
    userId: message.from?.id ?? chatId,
    text: message.text,
    deliveryId,
  };
  const name = message.from?.display_name?.trim();
  if (name) incoming.userName = name;
  return { kind: 'text', incoming };
}

/** Zalo hands images over as a URL; fetched only when the core keeps the file (20 MB at most). */
async function downloadPhoto(url: string): Promise<Uint8Array> {
  const res = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new Error(`zalo photo download failed: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > 20 * 1024 * 1024) throw new Error('zalo photo larger than 20 MB');
  return bytes;
}
