import { dataFiles } from 'virtual:atlas-data/files';

/** A bundled top-level data file (`taxonomy.json`, …); throws naming the file when it is missing. */
export function bundledDataFile(name: string): string {
  const text = dataFiles[name];
  if (text === undefined) throw new Error(`data/${name} is missing from the build`);
  return text;
}

/** Whether a top-level data file was bundled. */
export function hasDataFile(name: string): boolean {
  return dataFiles[name] !== undefined;
}
