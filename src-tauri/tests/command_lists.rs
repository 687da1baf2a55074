//! The app's commands are named in four places: registered in `main.rs`, declared in
//! `build.rs`, granted in the capability, and called from the UI's `api.ts`. A command missing
//! from one of them fails at run time only, so this test keeps the four in step.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `"…"` or `'…'` literal after `marker`, up to the first `end` after it.
fn quoted_between(text: &str, marker: &str, end: &str) -> BTreeSet<String> {
    let start = text.find(marker).expect("marker") + marker.len();
    let body = &text[start..start + text[start..].find(end).expect("end")];
    body.split(['"', '\''])
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn registered() -> BTreeSet<String> {
    let main = read("src/main.rs");
    let start = main.find("generate_handler![").expect("handler");
    let body = &main[start..start + main[start..].find(']').expect("end")];
    body["generate_handler![".len()..]
        .split(',')
        .filter_map(|path| path.rsplit("::").next())
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

fn granted() -> BTreeSet<String> {
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/default.json")).expect("JSON");
    capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect()
}

fn called_by_ui() -> BTreeSet<String> {
    let api = read("../ui/src/lib/api.ts");
    let mut called: BTreeSet<String> = api
        .split("invoke<")
        .skip(1)
        // Only a name written out: `editable`'s calls build theirs (`${kind}_update`).
        .filter_map(|s| {
            let (_, args) = s.split_once('(')?;
            args.strip_prefix('\'')?
                .split('\'')
                .next()
                .map(str::to_string)
        })
        .collect();
    // `editable<OrganisationData>('organisation')`, not the helper's own definition.
    for kind in api.split("editable<").skip(1).filter_map(|s| {
        let (data_type, rest) = s.split_once(">('")?;
        data_type
            .chars()
            .all(char::is_alphanumeric)
            .then(|| rest.split('\'').next())?
    }) {
        for verb in ["create", "update", "delete"] {
            called.insert(format!("{kind}_{verb}"));
        }
    }
    called
}

#[test]
fn every_command_is_registered_declared_granted_and_used() {
    let declared = quoted_between(&read("build.rs"), "const COMMANDS", "];");
    let registered = registered();
    assert!(declared.len() > 30, "{declared:?}");
    assert_eq!(registered, declared, "main.rs vs build.rs");
    assert_eq!(granted(), declared, "capability vs build.rs");
    assert_eq!(called_by_ui(), declared, "api.ts vs build.rs");
}
