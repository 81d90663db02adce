import { parseArgs as parseCommandLine } from 'node:util';

/** What a subcommand gets to talk to the world: the only IO it may use. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /**
   * Bytes on stdout, written as they are: Arrow IPC, and JSON tables already encoded as UTF-8 with their control
   * characters escaped (json-rows.ts); absent where stdout takes text only. Returns true when the bytes are written
   * and nothing holds them any more (a synchronous file or pipe): the caller may then write over them (json-rows.ts
   * encodes every batch into one buffer that way). Anything else: the bytes are the output's to keep.
   */
  outBytes?(bytes: Uint8Array): boolean | void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

export class UsageError extends Error {}

export interface ParsedArgs {
  flags: Record<string, string | true>;
  positional: string[];
}

/**
 * Parses `--flag value`, `--flag=value` and bare `--switch` arguments with Node's `util.parseArgs`. `switches` names
 * the flags that take no value, `valued` those that take one; anything else is a usage error.
 */
export function parseArgs(args: string[], switches: readonly string[], valued: readonly string[]): ParsedArgs {
  const options = Object.fromEntries([...switches.map((s) => [s, { type: 'boolean' }] as const), ...valued.map((s) => [s, { type: 'string' }] as const)]);
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseCommandLine({ args, options, strict: true, allowPositionals: true }));
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }, valued));
  }
  const flags: Record<string, string | true> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' || v === true) flags[k] = v;
  return { flags, positional: positionals };
}

/** Node's messages, shortened to ours: `unknown option --x`, `--data needs a value`, `--json takes no value`. */
function usageMessage(error: Error & { code?: string }, valued: readonly string[]): string {
  const option = /'(-[^' <]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return valued.includes(option.replace(/^-+/, '')) ? `${option} needs a value` : `${option} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${option}`;
    default:
      return error.message;
  }
}
