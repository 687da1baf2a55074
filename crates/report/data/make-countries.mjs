// Writes countries.tsv, the country names the reports and the core's findings print: the
// names the window shows (CLDR's, through Intl.DisplayNames), with i18n-iso-countries (the
// package the window takes its list of codes from) for any code CLDR does not name.
// Run once, from ui/:
//   node --input-type=module < ../crates/report/data/make-countries.mjs > ../crates/report/data/countries.tsv
// (read from standard input, so the package resolves from ui/node_modules)
import { readFileSync } from 'node:fs';

const LANGS = ['en', 'de', 'fr', 'it', 'pl', 'es'];
const dir = 'node_modules/i18n-iso-countries';
const version = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')).version;
const names = LANGS.map((l) => JSON.parse(readFileSync(`${dir}/langs/${l}.json`, 'utf8')).countries);
// A country with several names lists its official short name first.
const first = (v) => (Array.isArray(v) ? v[0] : v);
const cldr = LANGS.map((l) => new Intl.DisplayNames(l, { type: 'region' }));
/** CLDR's name when it has one (it answers with the code itself when it has none). */
const nameOf = (i, code) => {
  const name = cldr[i].of(code);
  return name && name !== code ? name : (first(names[i][code]) ?? first(names[0][code]));
};
const lines = [
  `# Country names by ISO 3166-1 alpha-2 code: CLDR's (ICU ${process.versions.icu}), else i18n-iso-countries`,
  `# ${version} (MIT licence, copyright 2016 widdix GmbH). Made by make-countries.mjs. Columns: code,`,
  '# then en de fr it pl es.',
];
for (const code of Object.keys(names[0]).sort()) {
  lines.push([code, ...LANGS.map((_, i) => nameOf(i, code))].join('\t'));
}
process.stdout.write(lines.join('\n') + '\n');
