/**
 * The CORPUS_MAX_* variables (adapters/shared/document-limits.ts): one per
 * reading limit of the engine, each a positive whole number in digits;
 * unset or empty keeps the default; a bad value is one problem naming the
 * variable, without its value.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, DEFAULT_DOCUMENT_LIMITS } from '../../src/index.js';
import { parseEnv } from '../../adapters/shared/config.js';
import { DOCUMENT_LIMIT_VARIABLES, documentLimitsEnv, documentLimitsOf } from '../../adapters/shared/document-limits.js';
import { documentLimitsFrom } from '../../adapters/cli/corpus-option.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { loadDiscordConfig } from '../../adapters/discord/config.js';

const read = (env: Record<string, string>) => documentLimitsOf(parseEnv(z.object(documentLimitsEnv), env));

function problemsOf(env: Record<string, string>): string[] {
  try {
    read(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('CORPUS_MAX_* variables', () => {
  it('there is one variable for every limit of the engine', () => {
    expect(Object.values(DOCUMENT_LIMIT_VARIABLES).sort()).toEqual(Object.keys(DEFAULT_DOCUMENT_LIMITS).sort());
    expect(DOCUMENT_LIMIT_VARIABLES).toEqual({
      CORPUS_MAX_FILE_BYTES: 'maxFileBytes',
      CORPUS_MAX_TEXT_CHARS: 'maxTextChars',
      CORPUS_MAX_HTML_ELEMENTS: 'maxHtmlElements',
      CORPUS_MAX_PDF_PAGES: 'maxPdfPages',
      CORPUS_MAX_PDF_STREAM_BYTES: 'maxPdfStreamBytes',
      CORPUS_MAX_PDF_MS: 'maxPdfMs',
    });
  });

  it('sets each limit from its variable, and leaves out the ones unset or empty (the engine keeps its defaults)', () => {
    expect(read({})).toEqual({});
    expect(read({ CORPUS_MAX_TEXT_CHARS: '', CORPUS_MAX_PDF_MS: '  ' })).toEqual({});
    expect(
      read({
        CORPUS_MAX_FILE_BYTES: '1048576',
        CORPUS_MAX_TEXT_CHARS: ' 5000 ',
        CORPUS_MAX_HTML_ELEMENTS: '20000',
        CORPUS_MAX_PDF_PAGES: '1',
        CORPUS_MAX_PDF_STREAM_BYTES: '9007199254740991',
        CORPUS_MAX_PDF_MS: '2500',
      }),
    ).toEqual({ maxFileBytes: 1_048_576, maxTextChars: 5000, maxHtmlElements: 20_000, maxPdfPages: 1, maxPdfStreamBytes: Number.MAX_SAFE_INTEGER, maxPdfMs: 2500 });
  });

  it.each(['0', '-1', '1.5', '1e3', '0x10', 'Infinity', '2_000', 'ten', '9007199254740992'])('refuses %j, naming the variable, its unit and its default, not the value', (value) => {
    const problems = problemsOf({ CORPUS_MAX_TEXT_CHARS: value });
    expect(problems).toEqual(['CORPUS_MAX_TEXT_CHARS is invalid: must be a whole number of characters from 1 up, digits only (default 2000000)']);
  });

  it('lists every bad variable in one error', () => {
    expect(problemsOf({ CORPUS_MAX_FILE_BYTES: '0', CORPUS_MAX_PDF_MS: 'soon', CORPUS_MAX_PDF_PAGES: '12' })).toEqual([
      'CORPUS_MAX_FILE_BYTES is invalid: must be a whole number of bytes from 1 up, digits only (default 67108864)',
      'CORPUS_MAX_PDF_MS is invalid: must be a whole number of milliseconds from 1 up, digits only (default 30000)',
    ]);
  });

  it('the terminal surfaces read them the same way', () => {
    expect(documentLimitsFrom({ CORPUS_MAX_PDF_PAGES: '12' })).toEqual({ maxPdfPages: 12 });
    expect(() => documentLimitsFrom({ CORPUS_MAX_PDF_PAGES: 'all' })).toThrowError(
      'configuration error:\n  - CORPUS_MAX_PDF_PAGES is invalid: must be a whole number of pages from 1 up, digits only (default 2000)',
    );
  });

  it('Slack and Discord carry them in their chat settings, only when set', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1-fake', SLACK_APP_TOKEN: 'xapp-1-fake' };
    const discord = { DISCORD_TOKEN: 'fake.token', DISCORD_APPLICATION_ID: '123456789012345678' };
    expect(loadSlackConfig({ ...slack, CORPUS_MAX_PDF_MS: '5000' }).chat.documentLimits).toEqual({ maxPdfMs: 5000 });
    expect(loadDiscordConfig({ ...discord, CORPUS_MAX_FILE_BYTES: '1024' }).chat.documentLimits).toEqual({ maxFileBytes: 1024 });
    expect(loadSlackConfig(slack).chat).not.toHaveProperty('documentLimits');
    expect(loadDiscordConfig(discord).chat).not.toHaveProperty('documentLimits');
  });
});
