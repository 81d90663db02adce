/** The part of jsdom's API the build's first-view drawing uses (jsdom ships no types of its own). */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { url?: string; pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
