//! The register mappings the user chose, one per layout (the labels a file uses, in order),
//! kept on this computer so that the next file of the same shape maps itself.

use crate::AppResult;
use crate::config_files;
use crate::register_import::Mapping;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn file() -> Option<PathBuf> {
    config_files::path("register-mappings.json")
}

pub(crate) fn remembered(layout: &str) -> Option<Mapping> {
    remembered_in(file().as_deref(), layout)
}

pub(crate) fn remember(layout: &str, mapping: &Mapping) -> AppResult<()> {
    remember_in(file().as_deref(), layout, mapping)
}

fn remembered_in(file: Option<&Path>, layout: &str) -> Option<Mapping> {
    config_files::read::<BTreeMap<String, Mapping>>(file).remove(layout)
}

fn remember_in(file: Option<&Path>, layout: &str, mapping: &Mapping) -> AppResult<()> {
    let mut all: BTreeMap<String, Mapping> = config_files::read(file);
    all.insert(layout.to_string(), mapping.clone());
    config_files::write(file, &all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register_import::{RegisterField, Target};

    #[test]
    fn a_mapping_is_kept_per_layout_and_replaced_when_chosen_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config").join("register-mappings.json");
        let at = Some(file.as_path());
        assert_eq!(remembered_in(at, "a"), None);
        let mut mapping = Mapping::default();
        mapping
            .labels
            .insert("Zweck".into(), Target::Field(RegisterField::Purposes));
        remember_in(at, "a", &mapping).unwrap();
        remember_in(at, "b", &Mapping::default()).unwrap();
        assert_eq!(remembered_in(at, "a"), Some(mapping.clone()));
        mapping.labels.insert("Zweck".into(), Target::Notes);
        remember_in(at, "a", &mapping).unwrap();
        assert_eq!(remembered_in(at, "a"), Some(mapping));
        assert_eq!(remembered_in(at, "b"), Some(Mapping::default()));
        std::fs::write(&file, "not json").unwrap();
        assert_eq!(remembered_in(at, "a"), None, "a damaged file is no mapping");
    }
}
