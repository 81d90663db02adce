/**
 * Benchmark of the whole pipeline (ingest → classify → place → coverage → gaps) on synthetic ladders made from
 * the bundled seeds at 1×, 10× and 100× the statement count: each copy of the seed files becomes another company
 * (`<company>-copy<N>`), with the company name written into the text so copies are not identical.
 * Prints the median wall time per size and the ratio 100×/1×. Run: `npm run bench` (add `--data DIR` for other seeds).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { atlas } from '../atlas/index.ts';
import type { InputFile } from '../ingest/index.ts';
import { BUNDLED_DATA, readDataBundle, readLadderFiles } from './load-data-dir.ts';

/** k copies of the seed files, each under its own company folder. */
export function syntheticFiles(seeds: InputFile[], k: number): InputFile[] {
  if (k === 1) return seeds;
  const out: InputFile[] = [];
  for (let i = 1; i <= k; i++) {
    for (const f of seeds) {
      const [, company, ...rest] = f.path.split('/');
      const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
      out.push({ path: ['ladders', `${company}-copy${i}`, ...rest].join('/'), content: i === 1 ? f.content : text.replaceAll(company, `${company} copy ${i}`) });
    }
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const i = process.argv.indexOf('--data');
  const dir = i > 0 ? process.argv[i + 1] : undefined;
  const seeds = readLadderFiles(dir ?? BUNDLED_DATA);
  const data = readDataBundle({ dir });
  const run = (files: InputFile[]) => {
    const t0 = performance.now();
    const a = atlas(files, { data });
    void a.set;
    const t1 = performance.now();
    const statements = a.statements;
    const t2 = performance.now();
    const { levels, gaps } = a.analysis;
    const t3 = performance.now();
    return { statements: statements.length, levels: levels.length, findings: gaps.length, phases: [t1 - t0, t2 - t1, t3 - t2], total: t3 - t0 };
  };
  const rows: { size: string; statements: number; levels: number; findings: number; median: number; phases: number[]; runs: number }[] = [];
  for (const [k, runs] of [[1, 30], [10, 10], [100, 5]] as const) {
    const files = syntheticFiles(seeds, k);
    let shape = run(files); // warm-up
    const results: ReturnType<typeof run>[] = [];
    for (let r = 0; r < runs; r++) results.push((shape = run(files)));
    const phases = [0, 1, 2].map((p) => median(results.map((x) => x.phases[p])));
    rows.push({ size: `${k}×`, statements: shape.statements, levels: shape.levels, findings: shape.findings, median: median(results.map((x) => x.total)), phases, runs });
  }
  console.log('size   statements  levels  findings   median ms  (ingest / classify / place+coverage+gaps)  runs');
  for (const r of rows) {
    console.log(
      `${r.size.padEnd(6)} ${String(r.statements).padStart(10)}  ${String(r.levels).padStart(6)}  ${String(r.findings).padStart(8)}  ${r.median.toFixed(1).padStart(10)}` +
        `  (${r.phases.map((x) => x.toFixed(1)).join(' / ')})  ${r.runs}`,
    );
  }
  const ratio = rows[2].median / rows[0].median;
  const perStatement = rows.map((r) => (r.median / r.statements) * 1000);
  console.log(`\nratio 100×/1×: ${ratio.toFixed(1)} (linear would be ~${(rows[2].statements / rows[0].statements).toFixed(0)}); µs per statement: ${perStatement.map((x) => x.toFixed(1)).join(' / ')}`);
  console.log(`targets: seeds ≤ 50 ms warm → ${rows[0].median <= 50 ? 'met' : 'MISSED'}; 100× ≤ 1000 ms → ${rows[2].median <= 1000 ? 'met' : 'MISSED'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
