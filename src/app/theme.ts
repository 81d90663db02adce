/** The localStorage key of the chosen theme (first-view-guard.ts reads it before the page paints). */
export const THEME_KEY = 'ladder-atlas-theme';
const THEMES = ['auto', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

function apply(theme: Theme, button: HTMLButtonElement): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = `Theme: ${theme}`;
}

/** A button cycling the colour theme auto → light → dark, remembered in localStorage. */
export function themeToggle(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'theme-toggle';
  let theme: Theme = (THEMES as readonly string[]).includes(localStorage.getItem(THEME_KEY) ?? '') ? (localStorage.getItem(THEME_KEY) as Theme) : 'auto';
  apply(theme, button);
  button.addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    localStorage.setItem(THEME_KEY, theme);
    apply(theme, button);
  });
  return button;
}
