/**
 * The interactive terminal: one conversation, so follow-ups work; colon
 * commands for the corpus and for debugging. Input and output streams are
 * injected, so tests drive it without a terminal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Answer, Engine, Explanation } from '../../src/index.js';
import { answerChart, textChart } from '../shared/chart/index.js';
import { writeChartFile } from './chart-file.js';
import { renderExplanation } from './explain.js';
import { renderAnswer, renderFigures } from './render.js';
import type { QuestionLog } from '../shared/question-log/index.js';

export interface ReplOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Treat the streams as a terminal (prompt, line editing, history). Default false. */
  terminal?: boolean;
  /** Use ANSI colours. Default: same as terminal. */
  color?: boolean;
  /** File that keeps history between sessions; none when undefined. */
  historyFile?: string;
  /** Documents listed one by one by :sources before it switches to counts. Default 20. */
  maxListedSources?: number;
  /** Question log: questions are recorded and :good / :bad vote on the last answer. Default none. */
  questionLog?: QuestionLog;
  /** Who is asking, as the log hashes it. Default the OS user name. */
  user?: string;
  /** Extra colon commands (e.g. :reload), tried before "unknown command". */
  commands?: Record<string, (arg: string, write: (text: string) => void) => void | Promise<void>>;
}

export const REPL_HELP = `Ask a question about the AI Action Summit announcements, or:
  :sources          the documents the answers come from
  :figures          the structured figures (amounts, dates)
  :explain [q]      why the last answer (or the answer to q) was given
  :chart [FILE]     write the last answer's chart to FILE, .png or .svg (default chart.png)
  :new              start a new conversation (forget follow-up context)
  :good             the last answer was right (recorded in the question log)
  :bad [note]       the last answer was wrong, and optionally why
  :reload           read the corpus again (it also reloads by itself on changes)
  :help             this help
  :quit             leave (Ctrl-D works too)`;

const MAX_HISTORY = 500;

export function startRepl(options: ReplOptions): Promise<void> & { close(): void } {
  const { engine, output } = options;
  const terminal = options.terminal ?? false;
  const color = options.color ?? terminal;
  let conversation = newConversationId();
  let lastExplanation: Explanation | undefined;
  let lastAnswerId: string | undefined;
  const user = options.user ?? (process.env.USER || 'terminal');
  let lastAnswer: Answer | undefined;
  const history = options.historyFile ? readHistory(options.historyFile) : [];
  const rl = createInterface({ input: options.input, output, terminal, history, historySize: MAX_HISTORY, prompt: '> ' });
  if (options.historyFile) {
    const file = options.historyFile;
    rl.on('history', (lines: string[]) => saveHistory(file, lines));
  }
  const write = (text: string) => output.write(`${text}\n`);
  const prompt = () => terminal && rl.prompt();

  if (terminal) {
    write(`Summit Q&A: ${engine.documents.length} document${engine.documents.length === 1 ? '' : 's'}, ${engine.figures.length} figures. :help for commands.`);
    write(`Try: ${engine.examples.slice(0, 3).join(' · ')}`);
  }

  /** The answer, then its figures as Unicode bars when it rests on two or more amounts. */
  const show = (answer: Answer) => {
    lastAnswer = answer;
    write(renderAnswer(answer, { color }));
    const chart = answerChart(answer);
    if (chart) write(textChart(chart, { color }));
  };

  // A colon command may be asynchronous (:reload); the lines after it wait for it.
  const handle = (line: string): boolean | Promise<boolean> => {
    const text = line.trim();
    if (!text) return true;
    if (text.startsWith(':')) {
      const [command = '', ...rest] = text.slice(1).split(/\s+/);
      const arg = rest.join(' ');
      switch (command.toLowerCase()) {
        case 'q':
        case 'quit':
        case 'exit':
          return false;
        case 'help':
        case 'h':
        case '?':
          write(REPL_HELP);
          break;
        case 'sources':
          write(renderSources(engine, options.maxListedSources ?? 20));
          break;
        case 'figures':
          write(renderFigures(engine.figures));
          break;
        case 'new':
          conversation = newConversationId();
          lastExplanation = undefined;
          lastAnswer = undefined;
          write('New conversation.');
          break;
        case 'explain': {
          if (arg) {
            const { answer, explanation } = engine.explain(arg, { conversation });
            lastExplanation = explanation;
            show(answer);
            write(renderExplanation(explanation));
          } else if (lastExplanation) write(renderExplanation(lastExplanation));
          else write('Nothing to explain yet: ask a question first, or :explain <question>.');
          break;
        }
        case 'good':
        case 'bad':
          write(vote(command.toLowerCase() === 'good' ? 'up' : 'down', arg));
          break;
        case 'chart':
          return writeChart(arg || 'chart.png');
        default: {
          const extra = options.commands?.[command.toLowerCase()];
          if (extra) {
            return Promise.resolve(extra(arg, write)).then(
              () => true,
              (error: unknown) => (write(`:${command} failed: ${(error as Error).message}`), true),
            );
          }
          write(`Unknown command :${command}. :help lists the commands.`);
        }
      }
      return true;
    }
    const started = performance.now();
    const { answer, explanation } = engine.explain(text, { conversation });
    lastAnswerId = options.questionLog?.record({ surface: 'terminal', user, conversation, question: text, answer, latencyMs: performance.now() - started });
    lastExplanation = explanation;
    show(answer);
    return true;
  };

  const writeChart = async (file: string): Promise<boolean> => {
    if (!lastAnswer) write('No answer to chart yet: ask a question first.');
    else {
      try {
        const result = await writeChartFile(lastAnswer, file);
        write(result.written ? `Chart written to ${file}.` : `No chart written: ${result.reason}.`);
      } catch (error) {
        write(`Could not write ${file}: ${(error as Error).message}`);
      }
    }
    return true;
  };

  const vote = (direction: 'up' | 'down', note: string): string => {
    if (!options.questionLog) return 'The question log is off (QUESTION_LOG=off), so feedback is not recorded.';
    if (!lastAnswerId) return 'Nothing to vote on yet: ask a question first.';
    options.questionLog.vote({ answerId: lastAnswerId, user, vote: direction, ...(note ? { note } : {}) });
    return direction === 'up' ? 'Thanks: recorded as a good answer.' : `Thanks: recorded as a wrong answer${note ? ', with your note' : ''}.`;
  };

  const done = new Promise<void>((resolve) => {
    let quitting = false;
    // Lines are handled one at a time, in order, even when one (:chart) takes a while.
    let queue: Promise<void> = Promise.resolve();
    rl.on('line', (line) => {
      queue = queue.then(async () => {
        // Lines already buffered after :quit are not questions any more.
        if (quitting) return;
        if (await handle(line)) prompt();
        else {
          quitting = true;
          rl.close();
        }
      });
    });
    // Ctrl-C at the prompt leaves, as Ctrl-D does.
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      void queue.then(() => {
        quitting = true;
        if (terminal) write('');
        resolve();
      });
    });
    prompt();
  });
  return Object.assign(done, { close: () => rl.close() });
}

function renderSources(engine: Engine, maxListed: number): string {
  const docs = engine.documents;
  const sentences = docs.reduce((n, d) => n + d.sentences, 0);
  const lines = [`${docs.length} document${docs.length === 1 ? '' : 's'}, ${sentences.toLocaleString('en')} sentences, ${engine.figures.length} figures.`];
  for (const d of docs.slice(0, maxListed)) {
    const meta = [d.published, d.kind, d.publisher].filter(Boolean).join(', ');
    lines.push(`  ${d.title}${meta ? ` (${meta})` : ''}: ${d.paragraphs} paragraphs [${d.id}]${d.url ? ` <${d.url}>` : ''}`);
  }
  if (docs.length > maxListed) lines.push(`  … and ${(docs.length - maxListed).toLocaleString('en')} more.`);
  return lines.join('\n');
}

let counter = 0;
function newConversationId(): string {
  return `repl-${process.pid}-${++counter}`;
}

function readHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, MAX_HISTORY);
  } catch {
    return [];
  }
}

function saveHistory(file: string, lines: string[]): void {
  try {
    writeFileSync(file, `${lines.slice(0, MAX_HISTORY).join('\n')}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience; a read-only home must not break the REPL.
  }
}
