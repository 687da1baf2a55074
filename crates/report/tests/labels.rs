//! Every language has every English label, none empty, with the same placeholders.

use dpadesk_report::{Labels, Lang};

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_language_has_every_label_with_the_same_placeholders() {
    let english = Labels::keys(Lang::En);
    for lang in Lang::ALL {
        let labels = Labels(lang);
        let mut keys = Labels::keys(lang);
        keys.sort();
        let mut expected = english.clone();
        expected.sort();
        assert_eq!(keys, expected, "{lang:?} has other keys than English");
        for key in &english {
            let text = labels.get(key);
            assert!(!text.trim().is_empty(), "{lang:?}: {key} is empty");
            assert_eq!(
                placeholders(text),
                placeholders(Labels(Lang::En).get(key)),
                "{lang:?}: {key}"
            );
        }
    }
}

#[test]
fn languages_parse_from_their_codes() {
    assert_eq!(Lang::parse("PL"), Some(Lang::Pl));
    assert_eq!(Lang::parse(" es "), Some(Lang::Es));
    assert_eq!(Lang::parse("nl"), None);
}
