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
  /** A file or photo sent with the message (its caption, if any, is `text`). */
  file?: IncomingFile;
  /**
   * Shows a progress line while a long task runs ("đang xử lý… trang 3/12"); the channel sends
   * it once and then edits that message where the platform allows. Absent: no progress shown.
   */
  progress?: (text: string) => Promise<void>;
}

/** A file as the channel offers it: downloaded only when the core decides to keep it. */
export interface IncomingFile {
  name: string;
  kind: 'document' | 'photo';
  /** Bytes, when the platform tells before downloading. */
  size?: number;
  download(): Promise<Uint8Array>;
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
