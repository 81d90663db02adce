/** Level identity and order, shared by ingestion, analyses and views. */
export { levelKey, levelKeysOf, ladderKey, levelLabel, ladderName, levelName, multiTrackCompanies, type LevelLike } from './level-key.ts';
export { compareLevels, compareLevelLabels } from './compare-levels.ts';
