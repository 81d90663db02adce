export { ingestFiles, type InputFile, type IngestOptions } from './ingest-files.ts';
// The office readers (openOfficeFiles, ingestFilesAsync) are imported from './open-office-files.ts' itself,
// so that importing this index never pulls them (and their libraries' loaders) into the dashboard's first view.
export type { OpenedFile } from './opened-file.ts';
export { compileRules, defaultRules, parseIngestRules, type IngestRules } from './ingest-rules.ts';
export { repairMojibake, breakUtf8 } from './repair-mojibake.ts';
export { detectShape, type Shape } from './detect-shape.ts';
export { splitSentences } from './split-sentences.ts';
export { findLevelLabel } from './level-label.ts';
export { lineAccounting, type Accounting } from './line-accounting.ts';
export { META_FILE, type CompanyMeta } from './company-meta.ts';
export { readHtml } from './read-html.ts';
export { readBlocks, type BlockShapes } from './read-blocks.ts';
export type { Block, BlockDocument, TextLine } from './blocks.ts';
