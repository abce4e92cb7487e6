/** The only shapes channels and the core share. */

export type Channel = 'telegram' | 'zalo' | 'console' | 'web';

/** One message from a person, whatever the channel. */
export interface Incoming {
  channel: Channel;
  chatId: string;
  userId: string;
  text: string;
  /** Payload of a pressed button (Telegram callback data, a web button). */
  payload?: string;
  /**
   * The platform's id of this delivery (Telegram update_id, Zalo event + message id). The core
   * handles a delivery once: a repeated id gets no reply.
   */
  deliveryId?: string;
  /** Display name, when the platform gives one (for a friendlier welcome). */
  userName?: string;
}

/** A cited source passage, shown under an answer. */
export interface Citation {
  docId: string;
  /** Document number and title as a person reads it, e.g. "Kế hoạch UBND phường Hồng An". */
  title: string;
  /** Heading path inside the document, e.g. "II. NỘI DUNG… › 2. Chỉ tiêu › 2.1. Năm 2025". */
  section: string;
  /** The quoted passage, in the clean text. */
  quote: string;
}

/** A button (Telegram inline keyboard) or numbered line (Zalo, console, web). */
export interface Choice {
  label: string;
  payload: string;
}

/** One reply message. Channels render it; they add no wording of their own. */
export interface Reply {
  text: string;
  citations?: Citation[];
  choices?: Choice[];
  /** A PNG image to send with the text. */
  image?: { png: Uint8Array; caption?: string };
}
