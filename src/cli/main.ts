import { escapeControls } from '../text/index.ts';
import { type Command, type Io, UsageError } from './command.ts';
import { commands } from './commands/index.ts';
import { writeOut } from './stdout.ts';

// The statements worker's entry (parallel-statements.ts): a worker loads this module, the compiled CLI, and calls it.
export { statementsWorker } from './parallel-statements.ts';

const io: Io = {
  out: (t) => void writeOut(Buffer.from(t.endsWith('\n') ? t : `${t}\n`, 'utf8')),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  outBytes: (bytes) => writeOut(bytes),
};

function help(list: Command[]): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return [
    'ladders — compare career ladders statement by statement',
    '',
    'Usage: ladders <command> [options]',
    '',
    'Commands:',
    ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Common options: --data DIR (a folder holding ladders/<company>/… and any data files to use instead of',
    '                the bundled ones; or set ATLAS_DATA_DIR), --taxonomy, --priors, --overrides, --scale-cues,',
    '                --ingest-rules, --model FILE (--model none: cue lexicon and priors alone), --json, --csv.',
    '                Exit codes: 0 ok, 1 input problems found, 2 usage error.',
    'Run `ladders <command> --help` for a command\'s options.',
  ].join('\n');
}

/**
 * Every line of text the CLI writes, with its control characters escaped: ladder text and file names cannot
 * drive the terminal (colours, title, OSC 52 clipboard) or reverse a line. Binary output is left alone.
 */
function terminalSafe(to: Io): Io {
  return { out: (t) => to.out(escapeControls(t)), err: (t) => to.err(escapeControls(t)), ...(to.outBytes ? { outBytes: to.outBytes } : {}) };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], to: Io = io): Promise<number> {
  const out = terminalSafe(to);
  try {
    return await dispatch(argv, out);
  } catch (e) {
    // Anything else that failed, writing the help to a full disk among it: one line, not a stack trace.
    out.err(`error: ${escapeControls((e as Error).message, { oneLine: true })}`);
    return 1;
  }
}

async function dispatch(argv: string[], out: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.out(help(commands));
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    out.err(`unknown command "${name}"\n\n${help(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, out);
  } catch (e) {
    if (e instanceof UsageError) {
      out.err(`${e.message}\nUsage: ${command.usage}`);
      return 2;
    }
    throw e;
  }
}
