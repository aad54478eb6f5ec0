/**
 * The interactive terminal: one conversation, so follow-ups work; colon
 * commands for the corpus and for debugging. Input and output streams are
 * injected, so tests drive it without a terminal.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Answer, Engine, Explanation } from '../../src/index.js';
import { answerChart, textChart } from '../shared/chart/index.js';
import { ChartFolder, NO_CHART, writeChartFile } from './chart-file.js';
import { renderExplanation } from './explain.js';
import { renderAnswer, renderFigures } from './render.js';
import { ReplVotes } from './repl-votes.js';
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
  /** Question log: questions are recorded and :good / :bad vote on the answer last shown. Default none. */
  questionLog?: QuestionLog;
  /** Where `:chart` with no file name writes (in a folder of its own, made on first use). Default the OS temporary folder. */
  chartDir?: string;
  /** Who is asking, as the log hashes it. Default the OS user name. */
  user?: string;
  /** Extra colon commands (e.g. :reload), tried before "unknown command". */
  commands?: Record<string, (arg: string, write: (text: string) => void) => void | Promise<void>>;
}

export const REPL_HELP = `Ask a question about the AI Action Summit announcements, or:
  :sources          the documents the answers come from
  :figures          the structured figures (amounts, dates)
  :explain [q]      why the answer last shown (or the answer to q) was given
  :chart [FILE]     write the chart of the answer last shown to FILE, .png or .svg (default: a
                    new file in SUMMIT_QA_CHART_DIR or the temporary folder; the path is printed)
  :new              start a new conversation (forget follow-up context)
  :good             the answer last shown was right (recorded in the question log)
  :bad [note]       the answer last shown was wrong, and optionally why (a later vote replaces it)
  :reload           read the corpus again (it also reloads by itself on changes)
  :help             this help
  :quit             leave (Ctrl-D works too)`;

const MAX_HISTORY = 500;

export interface Repl extends Promise<void> {
  close(): void;
  /**
   * Prints a line that comes from outside the conversation (a corpus reload):
   * at the prompt, the prompt and what was typed so far are drawn again
   * under it; while an answer is being printed, it simply follows.
   */
  notice(text: string): void;
}

/** What was last shown: what :good, :bad, :chart and :explain are about. */
interface Shown {
  answer: Answer;
  explanation: Explanation;
  /** The question log's id for it, when the log is on. */
  answerId?: string;
}

export function startRepl(options: ReplOptions): Repl {
  const { engine, output } = options;
  const terminal = options.terminal ?? false;
  const color = options.color ?? terminal;
  let conversation = newConversationId();
  let shown: Shown | undefined;
  const user = options.user ?? (process.env.USER || 'terminal');
  const votes = new ReplVotes(options.questionLog, user);
  const charts = new ChartFolder(options.chartDir ?? tmpdir());
  // Lines being handled (an answer, a :reload): a notice meanwhile is printed as it is, and the prompt follows the line.
  let busy = 0;
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
    if (engine.examples.length) write(`Try: ${engine.examples.slice(0, 3).join(' · ')}`);
  }

  /** Asks, records and shows: the answer, then its figures as Unicode bars when it rests on two or more amounts. */
  const ask = (question: string): Shown => {
    const started = performance.now();
    const { answer, explanation } = engine.explain(question, { conversation });
    const answerId = options.questionLog?.record({ surface: 'terminal', user, conversation, question, answer, latencyMs: performance.now() - started });
    shown = { answer, explanation, ...(answerId ? { answerId } : {}) };
    write(renderAnswer(answer, { color }));
    const chart = answerChart(answer);
    if (chart) write(textChart(chart, { color }));
    return shown;
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
          shown = undefined;
          write('New conversation.');
          break;
        case 'explain': {
          // A question given here is asked like any other: its answer is the one shown, voted on and charted.
          if (arg) write(renderExplanation(ask(arg).explanation));
          else if (shown) write(renderExplanation(shown.explanation));
          else write('Nothing to explain yet: ask a question first, or :explain <question>.');
          break;
        }
        case 'good':
        case 'bad':
          return votes.vote(shown?.answerId, command.toLowerCase() === 'good' ? 'up' : 'down', arg).then((text) => (write(text), true));
        case 'chart':
          return writeChart(arg);
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
    ask(text);
    return true;
  };

  /** :chart [FILE]: the chart of the answer last shown, to FILE or to a new file in the chart folder. */
  const writeChart = async (named: string): Promise<boolean> => {
    if (!shown) write('No answer to chart yet: ask a question first.');
    // No folder is made for an answer with no chart.
    else if (!named && !answerChart(shown.answer)) write(`No chart written: ${NO_CHART}.`);
    else {
      let file = named;
      try {
        file ||= await charts.next('png');
        const result = await writeChartFile(shown.answer, file);
        write(result.written ? `Chart written to ${file}.` : `No chart written: ${result.reason}.`);
      } catch (error) {
        write(`Could not write ${file || `a chart in ${charts.parent}`}: ${(error as Error).message}`);
      }
    }
    return true;
  };

  const notice = (text: string) => {
    if (!terminal || busy > 0) return void write(text);
    // At the prompt: the line being typed is wiped, the notice printed, and prompt and line drawn again.
    clearLine(output, 0);
    cursorTo(output, 0);
    write(text);
    rl.prompt(true);
  };

  const done = new Promise<void>((resolve) => {
    let quitting = false;
    // Lines are handled one at a time, in order, even when one (:chart) takes a while.
    let queue: Promise<void> = Promise.resolve();
    rl.on('line', (line) => {
      busy += 1;
      queue = queue.then(async () => {
        try {
          // Lines already buffered after :quit are not questions any more.
          if (quitting) return;
          if (await handle(line)) prompt();
          else {
            quitting = true;
            rl.close();
          }
        } finally {
          busy -= 1;
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
  return Object.assign(done, { close: () => rl.close(), notice });
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
