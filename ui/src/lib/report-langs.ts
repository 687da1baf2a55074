// The languages the core writes documents in, each named in itself; the UI's language is the
// first choice when the core knows it.
import type { Lang } from './generated/Lang';
import { languageNames, locale } from './i18n.svelte';

export const REPORT_LANGS: Lang[] = ['en', 'de', 'fr', 'it', 'pl', 'es'];

export const reportLangName = (lang: Lang): string => languageNames[lang] ?? lang;

export function defaultReportLang(): Lang {
  return REPORT_LANGS.find((l) => l === locale.lang) ?? 'en';
}
