/**
 * The question log for a long-running surface: built from the environment,
 * or undefined when QUESTION_LOG=off (then nothing is stored, not even votes).
 */
import type { Logger } from '../logger.js';
import { loadQuestionLogConfig } from './config.js';
import { QuestionLog, type QuestionLogOptions } from './question-log.js';

export { QuestionLog, type AskedQuestion, type Vote, type VoteResult, type QuestionLogStats, type LogSink } from './question-log.js';
export { type KeySource } from './key.js';
export { loadQuestionLogConfig, defaultDatabaseFile, defaultKeyFile, type QuestionLogConfig, type DatabaseTarget } from './config.js';

export function questionLogFromEnv(env: NodeJS.ProcessEnv, logger: QuestionLogOptions['logger'], extra: Partial<QuestionLogOptions> = {}): QuestionLog | undefined {
  const config = loadQuestionLogConfig(env);
  if (!config.enabled) return undefined;
  return new QuestionLog({ target: config.target, keepDays: config.keepDays, key: config.key, logger, ...extra }).start();
}

export type { Logger };
