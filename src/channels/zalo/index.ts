/** The Zalo channel's public exports. */
export { createZaloChannel, type ZaloChannelConfig, type ZaloChannelTuning } from './channel.js';
export { createZaloClient, type ZaloClient, type ZaloClientOptions } from './client.js';
export { ZaloApiError, ZaloHttpError } from './errors.js';
export { renderReplies, renderReply, splitMessage, ZALO_TEXT_LIMIT } from './render.js';
export { parseUpdate, type ParsedUpdate } from './to-incoming.js';
export { zaloTexts } from './texts.vi.js';
export { SECRET_HEADER, ZALO_WEBHOOK_PATH } from './webhook.js';
