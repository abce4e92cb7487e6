/** Shapes shared by the knowledge modules (corpus, chunks, retrieval, answers). */

/** Levels of issuers since 07/2025: the centre, tỉnh/thành phố, xã/phường/đặc khu. Highest first. */
export const DOC_LEVELS = ['trung ương', 'tỉnh', 'thành phố', 'xã', 'phường', 'đặc khu'] as const;
export type DocLevel = (typeof DOC_LEVELS)[number];

/** One corpus document, as written by hand in corpus/manifest.json. */
export interface DocMeta {
  id: string;
  /** Trích yếu. */
  title: string;
  /** Số hiệu, e.g. "4735/BNV-BTĐKTTW"; null when the document carries none. */
  number: string | null;
  issuer: string;
  /** ISO date (YYYY-MM-DD), or null when the copy has no date. */
  date: string | null;
  level: DocLevel;
  /** File name inside corpus/. */
  file: string;
  /** Short label used in citations, e.g. "KH UBND phường Hồng An" or "CV 4735/BNV-BTĐKTTW". */
  label: string;
  /** Kind of document as named in citations ("Công văn", "Kế hoạch"); builds the label once a number is known. */
  kind?: string;
  /** Who signed it, e.g. "Phạm Thị Thanh Trà". */
  signer?: string;
  /**
   * The unit the document is about, as written ("phường Hồng An", "tỉnh Lâm Đồng"): given in the
   * manifest, or read at load time from the issuer or the document's own header.
   */
  place?: string;
}

/** A retrievable passage: one structural unit of a document. */
export interface Chunk {
  /** Stable id, e.g. "001#12". */
  id: string;
  docId: string;
  /** Heading path joined with " › ". Empty for a document's preamble. */
  section: string;
  /** Clean passage text (normalised, artefacts repaired), diacritics kept. */
  text: string;
}

/** A record of the generic retrieval pipeline (ALQAC articles use the same shape). */
export interface SearchRecord {
  id: string;
  title: string;
  text: string;
  /**
   * Section headings the record sits under, outermost first ("MỤC ĐÍCH, YÊU CẦU", "Mục đích"),
   * when the corpus has such structure (the bot's chunks); a question naming one in full ranks
   * the record higher. Benchmark records (`{id,title,text}`) have none.
   */
  headings?: string[];
}

export interface SearchHit {
  id: string;
  score: number;
}

/** A retrieved passage with its document. */
export interface ChunkHit {
  chunk: Chunk;
  doc: DocMeta;
  score: number;
}

/** A cited answer, or a plain refusal (answered=false) that lists what the documents cover. */
export interface Answer {
  answered: boolean;
  answer: string;
  citations: import('../core/message.js').Citation[];
}

/** What the core and the CLI use of the knowledge base. */
export interface Knowledge {
  /** Answerable documents (a garbled duplicate is left out; its header facts are merged in). */
  docs: DocMeta[];
  chunks: Chunk[];
  search(question: string, k?: number): Promise<ChunkHit[]>;
  /** `preferPlace`: the asker's unit, whose documents come first when the question names no place. */
  ask(question: string, opts?: { preferPlace?: string }): Promise<Answer>;
}

/** Result of reading corpus/: clean documents, their chunks and a content hash. */
export interface LoadedCorpus {
  docs: DocMeta[];
  chunks: Chunk[];
  /** sha256 over the manifest and every file, to rebuild indexes only when the corpus changed. */
  hash: string;
  /** Near-duplicates detected: `docId` is a (garbled) copy of `of`, left out of answers. */
  duplicates: { docId: string; of: string; similarity: number }[];
}
