/**
 * Why a file could not become text. The error names its cause for the logs; `why` and
 * `detail` let the documents side tell the uploader in Vietnamese what to do instead
 * (`src/documents/texts.vi.ts`), so this layer holds no interface wording.
 */

export type ExtractErrorCode = 'empty' | 'unreadable' | 'encrypted' | 'unsupported';

/** The precise cause, one per message the uploader may see. */
export type ExtractWhy = 'emptyFile' | 'noText' | 'encrypted' | 'unreadable' | 'notUtf8' | 'oldWord' | 'unsupported';

/** A file that yields no usable text. `detail` is the format ("PDF") or the extension (".xlsx"). */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';

  constructor(
    readonly code: ExtractErrorCode,
    readonly why: ExtractWhy,
    readonly detail = '',
    options?: { cause?: unknown },
  ) {
    super(`cannot read the file: ${why}${detail ? ` (${detail})` : ''}`, options);
  }
}
