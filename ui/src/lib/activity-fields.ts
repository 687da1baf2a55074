// Where each field path the core reports (`purposes[0].art9_condition`) sits in the activity
// editor, so a missing item or an error can take the user to its input.
const inputs: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^description$/, () => 'activity-description'],
  [/^owner$/, () => 'owner-department'],
  [/^purposes$/, () => 'add-purpose'],
  [/^purposes\[(\d+)\]\.basis_detail$/, (m) => `purpose-${m[1]}-detail`],
  [/^purposes\[(\d+)\]\.art9_condition$/, (m) => `purpose-${m[1]}-art9`],
  [/^purposes\[(\d+)\]\.art10_basis$/, (m) => `purpose-${m[1]}-art10`],
  [/^subject_categories$/, () => 'activity-subjects'],
  [/^data_categories$/, () => 'add-category'],
  [/^data_categories\[(\d+)\]\.retention$/, (m) => `category-${m[1]}-retention`],
  [/^recipients$/, () => 'add-recipient'],
  [/^measure_ids$/, () => 'activity-measures'],
  [/^dpia_reference$/, () => 'activity-dpia'],
  [/^next_review_on$/, () => 'activity-next-review'],
  [/^systems$/, () => 'activity-systems'],
  [/^data_locations$/, () => 'activity-locations'],
];

/** Scrolls to the input of `field` and focuses it; nothing happens for an unknown field. */
export function revealActivityField(field: string): void {
  for (const [pattern, id] of inputs) {
    const m = field.match(pattern);
    const el = m && (document.getElementById(id(m)) ?? document.querySelector<HTMLElement>(`[data-testid="${id(m)}"]`));
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.focus();
      return;
    }
  }
}
