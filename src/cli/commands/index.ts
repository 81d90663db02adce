import type { Command } from '../command.ts';
import { command as ingest } from './ingest.ts';
import { command as statements } from './statements.ts';
import { command as classify } from './classify.ts';
import { command as evalCommand } from './eval.ts';
import { command as evalAlignment } from './eval-alignment.ts';
import { command as train } from './train.ts';
import { command as levels } from './levels.ts';
import { command as mapCommand } from './map.ts';
import { command as diverge } from './diverge.ts';
import { command as coverage } from './coverage.ts';
import { command as gaps } from './gaps.ts';
import { command as diff } from './diff.ts';

/** Every subcommand, in the order `ladders --help` lists them. */
export const commands: Command[] = [statements, ingest, classify, evalCommand, evalAlignment, train, levels, mapCommand, diverge, coverage, gaps, diff];
