// Where the window is: the section shown, the organisation chosen and, after a search or a
// reminder, the record to open. Any screen may move the user with `go`.
import type { Section } from './sections';

export const nav = $state({
  section: 'home' as Section,
  organisationId: '',
  /** The record a screen should open when it shows; it clears it once opened. */
  focus: null as string | null,
});

export function go(section: Section, organisationId?: string, focus: string | null = null): void {
  nav.section = section;
  if (organisationId) nav.organisationId = organisationId;
  nav.focus = focus;
}
