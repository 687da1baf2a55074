//! One search across the vault: organisations, activities, vendors, subprocessors and the
//! categories used in activities. The index is built once from the vault and kept until
//! the next change, so each keystroke only scans memory.

use dpadesk_model::*;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// At most this many hits are returned: a list longer than a screen helps nobody.
pub const MAX_HITS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Organisation,
    Activity,
    Vendor,
    /// An entry of a vendor's subprocessor list; `id` is the vendor.
    Subprocessor,
    /// A data or subject category used in an activity; `id` is the activity.
    Category,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: Id,
    pub organisation_id: Option<Id>,
    pub title: String,
    /// Where the hit sits: the organisation of an activity, the vendor of a subprocessor.
    pub detail: String,
}

#[derive(Debug, Clone)]
struct Entry {
    hit: SearchHit,
    title: String,
    text: String,
}

impl Entry {
    /// Shows `detail` instead of the old one; the searchable text follows.
    fn rename_detail(&mut self, detail: &str) {
        // `text` is the title, a space, the detail, then the rest (see `add`).
        let start = self.title.len() + 1;
        let old = self.hit.detail.to_lowercase();
        if self.text.get(start..).is_some_and(|t| t.starts_with(&old)) {
            self.text
                .replace_range(start..start + old.len(), &detail.to_lowercase());
        }
        self.hit.detail = detail.to_string();
    }
}

/// A saved record the index holds entries for.
#[derive(Debug, Clone, Copy)]
pub enum Indexed<'a> {
    Organisation(&'a Organisation),
    Activity(&'a Activity),
    Vendor(&'a Vendor),
}

#[derive(Debug, Default, Clone)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// What the index is built from.
#[derive(Debug)]
pub struct Corpus<'a> {
    pub organisations: &'a [Organisation],
    pub activities: &'a [&'a Activity],
    pub vendors: &'a [Vendor],
    pub lists: &'a [SubprocessorList],
}

impl SearchIndex {
    pub fn build(c: &Corpus) -> Self {
        let org_names: HashMap<Id, &str> = c
            .organisations
            .iter()
            .map(|o| (o.id, o.data.name.as_str()))
            .collect();
        let vendor_names: HashMap<Id, &str> = c
            .vendors
            .iter()
            .map(|v| (v.id, v.data.legal_name.as_str()))
            .collect();
        let mut index = SearchIndex::default();
        for o in c.organisations {
            index.add_organisation(o);
        }
        for a in c.activities {
            let org = org_names
                .get(&a.data.organisation_id)
                .copied()
                .unwrap_or("");
            index.add_activity(a, org);
        }
        for v in c.vendors {
            index.add_vendor(v);
        }
        for l in latest_lists(c.lists) {
            let vendor = vendor_names.get(&l.data.vendor_id).copied().unwrap_or("");
            for e in &l.data.entries {
                index.add(
                    HitKind::Subprocessor,
                    l.data.vendor_id,
                    None,
                    &e.name,
                    vendor,
                    &[&e.service, &e.processing_location],
                );
            }
        }
        index
    }

    fn add_activity(&mut self, a: &Activity, organisation: &str) {
        let purposes: Vec<&str> = a
            .data
            .purposes
            .iter()
            .map(|p| p.description.as_str())
            .collect();
        self.add(
            HitKind::Activity,
            a.id,
            Some(a.data.organisation_id),
            &a.data.name,
            organisation,
            &[&a.data.reference, &a.data.description, &purposes.join(" ")],
        );
        let categories = a
            .data
            .data_categories
            .iter()
            .map(|d| &d.name)
            .chain(&a.data.subject_categories);
        for category in categories {
            self.add(
                HitKind::Category,
                a.id,
                Some(a.data.organisation_id),
                category,
                &a.data.name,
                &[],
            );
        }
    }

    fn add_organisation(&mut self, o: &Organisation) {
        self.add(
            HitKind::Organisation,
            o.id,
            Some(o.id),
            &o.data.name,
            "",
            &[&o.data.address, &o.data.registration_number],
        );
    }

    fn add_vendor(&mut self, v: &Vendor) {
        self.add(
            HitKind::Vendor,
            v.id,
            None,
            &v.data.legal_name,
            "",
            &[&v.data.services.join(" "), &v.data.website],
        );
    }

    /// Drops the entries a record of `kind` contributed itself (an activity's include its
    /// categories); the entries that only name it in their detail stay until `insert`.
    pub fn remove(&mut self, kind: EntityKind, id: Id) {
        self.entries.retain(|e| {
            let own = match kind {
                EntityKind::Activity => {
                    matches!(e.hit.kind, HitKind::Activity | HitKind::Category)
                }
                EntityKind::Organisation => e.hit.kind == HitKind::Organisation,
                EntityKind::Vendor => e.hit.kind == HitKind::Vendor,
                _ => false,
            };
            !(own && e.hit.id == id)
        });
    }

    /// Adds a saved record's entries and renames it in the entries that show its name as
    /// their detail: one save need not rebuild the whole index.
    pub fn insert(&mut self, saved: Indexed) {
        match saved {
            Indexed::Activity(a) => {
                let organisation = self
                    .entries
                    .iter()
                    .find(|e| {
                        e.hit.kind == HitKind::Organisation && e.hit.id == a.data.organisation_id
                    })
                    .map(|e| e.hit.title.clone())
                    .unwrap_or_default();
                self.add_activity(a, &organisation);
            }
            Indexed::Organisation(o) => {
                self.add_organisation(o);
                for e in &mut self.entries {
                    if e.hit.kind == HitKind::Activity && e.hit.organisation_id == Some(o.id) {
                        e.rename_detail(&o.data.name);
                    }
                }
            }
            Indexed::Vendor(v) => {
                self.add_vendor(v);
                for e in &mut self.entries {
                    if e.hit.kind == HitKind::Subprocessor && e.hit.id == v.id {
                        e.rename_detail(&v.data.legal_name);
                    }
                }
            }
        }
    }

    fn add(
        &mut self,
        kind: HitKind,
        id: Id,
        organisation_id: Option<Id>,
        title: &str,
        detail: &str,
        more: &[&str],
    ) {
        let title_lower = title.to_lowercase();
        let mut text = title_lower.clone();
        for m in std::iter::once(&detail).chain(more) {
            text.push(' ');
            text.push_str(&m.to_lowercase());
        }
        self.entries.push(Entry {
            hit: SearchHit {
                kind,
                id,
                organisation_id,
                title: title.to_string(),
                detail: detail.to_string(),
            },
            title: title_lower,
            text,
        });
    }

    /// Entries holding every word of `query`; titles starting with it first, then titles
    /// containing it, then the rest.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let query = query.trim().to_lowercase();
        let words: Vec<&str> = query.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter(|e| words.iter().all(|w| e.text.contains(w)))
            .map(|e| {
                let rank = if e.title.starts_with(&query) {
                    0
                } else if e.title.contains(&query) {
                    1
                } else {
                    2
                };
                (rank, e)
            })
            .collect();
        ranked.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.title.cmp(&b.title)));
        let mut hits: Vec<SearchHit> = Vec::new();
        for (_, e) in ranked {
            // A category used by many activities, or a subprocessor repeated in a list, shows once per place.
            if !hits
                .iter()
                .any(|h| h.kind == e.hit.kind && h.id == e.hit.id && h.title == e.hit.title)
            {
                hits.push(e.hit.clone());
            }
            if hits.len() == MAX_HITS {
                break;
            }
        }
        hits
    }
}

/// The newest list of each vendor: older versions are history, not current subprocessors.
fn latest_lists(lists: &[SubprocessorList]) -> Vec<&SubprocessorList> {
    let mut newest: HashMap<Id, &SubprocessorList> = HashMap::new();
    for l in lists {
        let key = |x: &SubprocessorList| (x.data.received_on, x.created_at);
        newest
            .entry(l.data.vendor_id)
            .and_modify(|cur| {
                if key(l) > key(cur) {
                    *cur = l;
                }
            })
            .or_insert(l);
    }
    newest.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn rec<T>(data: T) -> Record<T> {
        Record {
            id: Id::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            data,
        }
    }

    #[test]
    fn finds_every_kind_ranked_by_title() {
        let org = rec(OrganisationData {
            name: "Kwiaciarnia Róża".into(),
            ..Default::default()
        });
        let activity = rec(ActivityData {
            organisation_id: org.id,
            name: "Newsletter".into(),
            subject_categories: vec!["Subscribers".into()],
            data_categories: vec![DataCategory {
                name: "E-mail address".into(),
                sensitivity: DataSensitivity::Ordinary,
                retention: None,
            }],
            ..Default::default()
        });
        let vendor = rec(VendorData {
            legal_name: "Vercom S.A.".into(),
            services: vec!["E-mail delivery".into()],
            ..Default::default()
        });
        let list = rec(SubprocessorListData {
            evidence: None,
            vendor_id: vendor.id,
            entries: vec![SubprocessorEntry {
                name: "Cloudflare, Inc.".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let index = SearchIndex::build(&Corpus {
            organisations: std::slice::from_ref(&org),
            activities: &[&activity],
            vendors: std::slice::from_ref(&vendor),
            lists: std::slice::from_ref(&list),
        });
        let kinds = |q: &str| -> Vec<HitKind> { index.search(q).iter().map(|h| h.kind).collect() };
        // An activity is found by its organisation's name too, below the organisation itself.
        assert_eq!(
            kinds("RÓŻA"),
            vec![HitKind::Organisation, HitKind::Activity]
        );
        assert_eq!(kinds("cloud"), vec![HitKind::Subprocessor]);
        assert_eq!(index.search("cloud")[0].detail, "Vercom S.A.");
        assert_eq!(kinds("subscr"), vec![HitKind::Category]);
        // "e-mail" is a vendor service and a data category: the category's title matches first.
        assert_eq!(kinds("e-mail"), vec![HitKind::Category, HitKind::Vendor]);
        assert_eq!(kinds("newsletter róża"), vec![HitKind::Activity]);
        assert!(index.search("   ").is_empty());
        assert!(index.search("nothing like it").is_empty());
    }

    #[test]
    fn a_patched_index_matches_a_rebuilt_one() {
        let mut org = rec(OrganisationData {
            name: "Kwiaciarnia Róża".into(),
            ..Default::default()
        });
        let mut activity = rec(ActivityData {
            organisation_id: org.id,
            name: "Newsletter".into(),
            ..Default::default()
        });
        let mut vendor = rec(VendorData {
            legal_name: "Vercom S.A.".into(),
            ..Default::default()
        });
        let list = rec(SubprocessorListData {
            evidence: None,
            vendor_id: vendor.id,
            entries: vec![SubprocessorEntry {
                name: "Cloudflare, Inc.".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let build = |org: &Organisation, activity: &Activity, vendor: &Vendor| {
            SearchIndex::build(&Corpus {
                organisations: std::slice::from_ref(org),
                activities: &[activity],
                vendors: std::slice::from_ref(vendor),
                lists: std::slice::from_ref(&list),
            })
        };
        let mut index = build(&org, &activity, &vendor);
        org.data.name = "Kwiaty Bzy".into();
        activity.data.name = "Loyalty card".into();
        vendor.data.legal_name = "Vercom Group".into();
        for (kind, id, saved) in [
            (
                EntityKind::Organisation,
                org.id,
                Indexed::Organisation(&org),
            ),
            (
                EntityKind::Activity,
                activity.id,
                Indexed::Activity(&activity),
            ),
            (EntityKind::Vendor, vendor.id, Indexed::Vendor(&vendor)),
        ] {
            index.remove(kind, id);
            index.insert(saved);
        }
        let rebuilt = build(&org, &activity, &vendor);
        for query in [
            "bzy",
            "róża",
            "loyalty",
            "newsletter",
            "cloud",
            "group",
            "vercom s.a.",
        ] {
            assert_eq!(index.search(query), rebuilt.search(query), "{query}");
        }
        assert_eq!(index.search("cloud")[0].detail, "Vercom Group");
        assert!(index.search("newsletter").is_empty());
        index.remove(EntityKind::Activity, activity.id);
        assert!(index.search("loyalty").is_empty());
    }
}
