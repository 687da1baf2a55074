// The languages the core writes documents and transfer findings in, each named in itself;
// the UI's language is the first choice when the core knows it.
import type { Lang } from './generated/Lang';
import { languageNames, locale } from './i18n.svelte';

export const REPORT_LANGS: Lang[] = ['en', 'de', 'fr', 'it', 'pl', 'es'];

export const reportLangName = (lang: Lang): string => languageNames[lang] ?? lang;

/** The UI's language if the core writes it, else English: for documents and findings. */
export function coreLang(): Lang {
  return REPORT_LANGS.find((l) => l === locale.lang) ?? 'en';
}
