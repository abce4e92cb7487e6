import { randomBytes } from 'node:crypto';

/**
 * A short-lived shelf of generated images (the /tonghop chart), served at `/media/<id>.png` so a
 * platform that only takes a photo URL (Zalo's sendPhoto) can fetch it. Ids are unguessable;
 * images expire after `ttlMs` and the shelf keeps at most `max`. In memory on purpose: the
 * platform fetches the image within seconds, and a chart can always be drawn again.
 */
export function createMediaShelf({ ttlMs = 10 * 60_000, max = 200 }: { ttlMs?: number; max?: number } = {}) {
  const items = new Map<string, { png: Uint8Array; until: number }>();
  return {
    put(png: Uint8Array): string {
      const now = Date.now();
      for (const [id, item] of items) if (item.until < now || items.size >= max) items.delete(id);
      const id = randomBytes(12).toString('base64url');
      items.set(id, { png, until: now + ttlMs });
      return id;
    },
    get(id: string): Uint8Array | undefined {
      const item = items.get(id);
      return item && item.until >= Date.now() ? item.png : undefined;
    },
  };
}

export type MediaShelf = ReturnType<typeof createMediaShelf>;
