export { ingestFiles, type InputFile, type IngestOptions } from './ingest-files.ts';
export { compileRules, defaultRules, type IngestRules } from './ingest-rules.ts';
export { repairMojibake, breakUtf8 } from './repair-mojibake.ts';
export { detectShape, type Shape } from './detect-shape.ts';
export { splitSentences } from './split-sentences.ts';
export { compareLevels, findLevelLabel } from './level-label.ts';
export { lineAccounting, type Accounting } from './line-accounting.ts';
export { META_FILE, type CompanyMeta } from './company-meta.ts';
