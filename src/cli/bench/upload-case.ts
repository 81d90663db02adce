/**
 * The 5,000-statement upload of issue 14 next to the bundled ladders, as the dashboard analyses it: time per
 * analysis, named by the views that draw it.
 */
import { performance } from 'node:perf_hooks';
import { mapLevel } from '../../analyses/index.ts';
import { atlas, type Atlas, type DataBundle } from '../../atlas/index.ts';
import type { InputFile } from '../../ingest/index.ts';
import { uploadCsv } from './corpus.ts';

export interface UploadTime {
  analysis: string;
  views: string;
  ms: number;
}

export function runUploadCase(bundled: readonly InputFile[], data: DataBundle, rows = 5000): { statements: number; times: UploadTime[] } {
  const files = [...bundled, { path: 'ladders/upload-co/upload.csv', content: uploadCsv(rows) }];
  const a = atlas(files, { data });
  const times: UploadTime[] = [];
  const time = (analysis: string, views: string, work: (a: Atlas) => unknown) => {
    const t0 = performance.now();
    work(a);
    times.push({ analysis, views, ms: performance.now() - t0 });
  };
  time('ingest', 'upload preview, overview', (x) => x.set);
  time('classify', 'explorer, every analysis', (x) => x.statements);
  time('place', 'alignment, map, gaps, divergence', (x) => x.analysis.levels);
  time('similarity', 'alignment', (x) => x.analysis.similarity);
  time('coverage', 'coverage', (x) => x.analysis.coverage);
  time('gaps', 'rubric gaps', (x) => x.analysis.gaps);
  time('divergence', 'divergence', (x) => x.analysis.divergence);
  time('map one level', 'map a hire', (x) => mapLevel(x.analysis.levels.find((l) => l.company === 'upload-co')!.key, x.statements, x.analysis.levels));
  return { statements: a.set.statements.length, times };
}
