/** The question log's tables, as Kysely sees them. Times are epoch milliseconds. */
export interface QuestionsTable {
  id: string;
  asked_at: number;
  surface: string;
  /** Salted hashes: the raw user and conversation ids never reach the database. */
  user_hash: string;
  conversation_hash: string;
  question: string;
  /** The answer's short text: for an unanswered question, the missing piece it names. */
  answer: string;
  kind: string;
  /** 1 when answered from the sources, 0 otherwise (an integer: SQLite has no booleans). */
  answered: number;
  confidence: number;
  /** JSON: [{ "documentId": "...", "paragraph": n }] of the quotes shown. */
  quotes: string;
  latency_ms: number;
}

export interface FeedbackTable {
  answer_id: string;
  voter_hash: string;
  /** 1 for 👍, -1 for 👎. */
  vote: number;
  note: string | null;
  voted_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Tables {
  questions: QuestionsTable;
  feedback: FeedbackTable;
  settings: SettingsTable;
}
