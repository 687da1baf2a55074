// Empty records for "new" forms, with every field the Rust side expects.
import type { ActivityData } from './generated/ActivityData';
import type { OrganisationData } from './generated/OrganisationData';
import type { VendorData } from './generated/VendorData';

export function blankOrganisation(): OrganisationData {
  return {
    name: '', role: 'controller', address: '', country: null, email: '', phone: '', website: '',
    registration_number: '', dpo: null, eu_representative: null, joint_controllers: [],
    lead_supervisory_authority: '', measure_ids: [], notes: '',
  };
}

export function blankActivity(organisation_id: string): ActivityData {
  return {
    organisation_id, reference: '', name: '', description: '',
    owner: { department: '', contact: { name: '', email: '', phone: '' } },
    status: 'draft', reviewed_on: null, next_review_on: null, purposes: [], subject_categories: [],
    data_categories: [], recipients: [], transfers: [], measure_ids: [], dpia_required: false,
    dpia_reference: '', systems: [], data_locations: [], links: [],
  };
}

export function blankVendor(): VendorData {
  return {
    legal_name: '', aliases: [], address: '', country: null, services: [],
    contact: { name: '', email: '', phone: '' }, website: '', international_organisation: null,
    scope_checks: [], remote_access_from: [], notes: '', list_url: '', watch_daily: false,
  };
}
