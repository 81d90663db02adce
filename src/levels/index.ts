/** Level identity and order, shared by ingestion, analyses and views. */
export { levelKey, ladderKey, levelLabel, type LevelLike } from './level-key.ts';
export { compareLevels, compareLevelLabels } from './compare-levels.ts';
