// UI strings come from the translation files in `src/locales/<lang>/<area>.json`, one file per
// area of the window so that each can be translated on its own. English is complete and is
// the fallback for any key a language lacks. The chosen language is kept on this computer;
// the first default is the operating system's language.
export type Messages = Record<string, string>;

const files = import.meta.glob<Messages>('../locales/*/*.json', { eager: true, import: 'default' });

/** Every language's strings, merged over its area files. */
export const catalogues: Record<string, Messages> = {};
for (const [path, messages] of Object.entries(files)) {
  const lang = path.split('/').at(-2) ?? 'en';
  catalogues[lang] = { ...catalogues[lang], ...messages };
}

/** The languages of the UI, each named in itself. */
export const languageNames: Record<string, string> = {
  en: 'English',
  pl: 'Polski',
  de: 'Deutsch',
  it: 'Italiano',
  fr: 'Français',
  es: 'Español',
};

export const languages = Object.keys(languageNames).filter((l) => l in catalogues);

const STORAGE_KEY = 'dpadesk.language';

function initialLanguage(): string {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && saved in catalogues) return saved;
  const system = (globalThis.navigator?.language ?? 'en').slice(0, 2).toLowerCase();
  return system in catalogues ? system : 'en';
}

/** Read by `t`, so every string on screen follows a change of language at once. */
export const locale = $state({ lang: initialLanguage() });

export function setLanguage(lang: string): void {
  if (!(lang in catalogues)) return;
  locale.lang = lang;
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

/** The string for `key` with `{name}` placeholders filled from `params`. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale.lang]?.[key] ?? catalogues.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A calendar date (`YYYY-MM-DD`) as the reader's language writes it. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.lang, { dateStyle: 'medium' }).format(date);
}

/** A moment (RFC 3339) as date and time in the reader's language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatNumber(n: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale.lang, options).format(n);
}

/** A file's size in bytes, KB or MB, as the reader's language writes it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return formatNumber(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'short' });
  if (bytes < 1024 * 1024) return formatNumber(bytes / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return formatNumber(bytes / (1024 * 1024), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}
