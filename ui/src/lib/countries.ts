// Country names in the reader's language, and the ISO code tables the map and the forms need.
// The codes come from i18n-iso-countries (kept current with ISO 3166) rather than a hand-made list.
import countries from 'i18n-iso-countries';
import { locale } from './i18n.svelte';

let cached: { lang: string; names: Intl.DisplayNames | null } | null = null;

function displayNames(): Intl.DisplayNames | null {
  const lang = locale.lang;
  if (cached?.lang !== lang) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames(lang, { type: 'region' });
    } catch {
      // A platform without region names shows codes, which is still correct.
    }
    cached = { lang, names };
  }
  return cached.names;
}

/** An ISO 3166-1 alpha-2 code, as opposed to an international organisation's code such as EPO. */
export function isCountryCode(code: string | null | undefined): code is string {
  return !!code && /^[A-Za-z]{2}$/.test(code);
}

/** The country's name in the UI language; other codes (international organisations) as they are. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  if (!isCountryCode(code)) return code;
  try {
    return displayNames()?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The alpha-2 code of an ISO 3166-1 numeric code (the ids of the world-atlas features). */
export function alpha2OfNumeric(numeric: string | number): string | undefined {
  return countries.numericToAlpha2(numeric);
}

/** Every ISO 3166-1 alpha-2 code. */
export function allCountryCodes(): string[] {
  return Object.keys(countries.getAlpha2Codes());
}

/** The codes sorted by their names in the UI language. */
export function byName(codes: Iterable<string>): string[] {
  const names = new Map([...new Set(codes)].map((c) => [c, countryName(c)]));
  return [...names.keys()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!, locale.lang));
}
