/** What a subcommand gets to talk to the world: the only IO it may use. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
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
 * Parses `--flag value`, `--flag=value` and bare `--switch` arguments. `switches` names the flags that
 * take no value; any other flag takes the next argument.
 */
export function parseArgs(args: string[], switches: readonly string[], valued: readonly string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s);
    if (switches.includes(name)) flags[name] = true;
    else if (valued.includes(name)) {
      const v = inline ?? args[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      flags[name] = v;
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { flags, positional };
}
