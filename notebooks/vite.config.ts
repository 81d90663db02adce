import type { Plugin, UserConfig } from 'vite';
import dashboard from '../vite.config.ts';

/**
 * Loaded by Notebook Kit's `notebooks build|preview --root notebooks` (Vite reads the config file of
 * the root it is given). Reuses the dashboard's `atlas-data` plugin, so notebooks bundle the same
 * `virtual:atlas-data` module — and `ATLAS_DATA_DIR=<folder> npm run notebooks` builds them on
 * another `--data`-style folder.
 */
const plugins = ((dashboard as UserConfig).plugins ?? []).flat() as Plugin[];
const atlasData = plugins.find((p) => p && typeof p === 'object' && 'name' in p && p.name === 'atlas-data');
if (!atlasData) throw new Error('notebooks/vite.config.ts: the atlas-data plugin is missing from vite.config.ts');

export default { plugins: [atlasData] } satisfies UserConfig;
