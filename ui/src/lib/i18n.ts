// UI strings come from the translation files in `src/locales/`; English is complete and is
// the fallback for any key a language lacks.
import en from '../locales/en.json';

export type Messages = Record<string, string>;

const catalogues: Record<string, Messages> = { en };

export const languages = Object.keys(catalogues);

let current: Messages = en;

export function setLanguage(lang: string): void {
  current = catalogues[lang] ?? en;
}

/** The string for `key` with `{name}` placeholders filled from `params`. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = current[key] ?? (en as Messages)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
