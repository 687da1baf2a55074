import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import OrganisationForm from './OrganisationForm.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('OrganisationForm', () => {
  it('shows the field errors the core returns next to their fields', async () => {
    mockIPC((cmd) => {
      if (cmd === 'organisation_create') {
        throw { kind: 'invalid', message: 'name: Enter the name.', fields: [{ field: 'name', message: "Enter the organisation's name." }] };
      }
    });
    const onsaved = vi.fn();
    render(OrganisationForm, { onsaved });
    await fireEvent.click(screen.getByTestId('save-organisation'));
    expect(await screen.findByTestId('org-name-error')).toHaveProperty('textContent', "Enter the organisation's name.");
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('sends what the user typed, a blank country as none', async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'organisation_create') {
        sent.push(args);
        return { id: '1', created_at: '', updated_at: '', ...(args as { data: object }).data };
      }
    });
    const onsaved = vi.fn();
    render(OrganisationForm, { onsaved });
    await fireEvent.input(screen.getByLabelText('Organisation name'), { target: { value: 'Acme' } });
    await fireEvent.click(screen.getByTestId('save-organisation'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    const data = (sent[0] as { data: { name: string; country: string | null; role: string } }).data;
    expect(data).toMatchObject({ name: 'Acme', country: null, role: 'controller' });
  });
});
