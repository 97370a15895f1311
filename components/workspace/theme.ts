/** The theme choice: "system" follows prefers-color-scheme. Stored in localStorage under THEME_KEY. */
export type ThemeChoice = "light" | "dark" | "system";
export const THEME_KEY = "theme";

/**
 * Inline, before first paint (app/layout.tsx): puts `dark` on <html> from the stored choice or the
 * system setting, and keeps following the system while the choice is "system".
 */
export const THEME_SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_KEY)},m=window.matchMedia("(prefers-color-scheme: dark)");var a=function(){var c=localStorage.getItem(k);var d=c==="dark"||(c!=="light"&&m.matches);document.documentElement.classList.toggle("dark",d);};a();m.addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k)a();});}catch(e){}})();`;

/** Applies a choice now (the same rule as THEME_SCRIPT) and remembers it. */
export function applyTheme(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice still applies to this page.
  }
  const dark = choice === "dark" || (choice === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

export function storedTheme(): ThemeChoice {
  try {
    const c = localStorage.getItem(THEME_KEY);
    return c === "light" || c === "dark" ? c : "system";
  } catch {
    return "system";
  }
}
