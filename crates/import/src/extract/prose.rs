//! Subprocessors named in running text: a company with its legal form in a sentence ("the
//! service provided by Cloudflare, Inc."), a short heading naming a tool followed by a paragraph
//! about it, a list of tool names introduced by a line ending in ":", or a name right after a
//! cue such as "we use" / "używamy" / "wir nutzen". The country and area come from the
//! sentences that name the company, the mechanism from its paragraph or section.

use super::draft::{Draft, Origin};
use super::header::{self, Column};
use super::names;
use crate::fold::{Folded, Phrases, fold, parse_table};
use crate::{country, mechanism};
use std::sync::LazyLock;

/// Words before a name that make it the service's beneficiary or a party to the contract, not
/// a subprocessor ("provided by X to Vercom S.A.", "between the customer and Acme GmbH").
const NOT_SUBPROCESSOR: &str = "
before | to; for; na rzecz; dla; fur; pour; per; para; voor
sentence | between; zwischen; entre; tra; pomiedzy; miedzy; tussen
after | as the processor; as processor; as a processor; jako podmiot przetwarzajacy; als auftragsverarbeiter; in qualita di responsabile; en tant que sous traitant; como encargado; als verwerker
";

/// Cues after which a capitalised word is a tool or company the writer uses.
const CUES: &str = "
cue | we use; we also use; we rely on; we work with; we switched to; we moved to; we migrated to; provided by; hosted by; hosted at; operated by; the company; company; uzywamy; korzystamy z; przeszlismy na; firmy; spolki; wir nutzen; wir verwenden; wir setzen; der firma; des anbieters; utilizziamo; usiamo; ci avvaliamo di; della societa; nous utilisons; nous faisons appel a; la societe; utilizamos; usamos; la empresa; wij gebruiken; we gebruiken; het bedrijf
";

/// Words that open a list of tools or providers on the line before it or after it.
const LIST_WORDS: &str = "
list | tool*; service*; provider*; vendor*; subprocessor*; sub processor*; processor*; partner*; compan*; narzedzi*; uslug*; dostawc*; podmiot*; podprocesor*; podprzetwarzajac*; firm*; dienst*; anbieter*; werkzeug*; unterauftragsverarbeiter*; strument*; servizi*; fornitor*; outil*; prestataire*; sous traitant*; herramienta*; proveedor*; servicio*; hulpmiddel*; leverancier*; dpa; subcontractor*; subcontratist*; subencargad*; encargad*; subappaltator*; sub responsabil*; subresponsabil*; unterauftragnehmer*; subprozessor*; podwykonawc*; subverwerker*; onderaannemer*
";

/// Acronyms and words that a heading or cue can put in a name's place.
const NOT_NAMES: [&str; 24] = [
    "gdpr", "rodo", "dsgvo", "rgpd", "avg", "faq", "api", "smtp", "sms", "pkbr", "waf", "dls",
    "lms", "crm", "iso", "soc", "tls", "ssl", "vpn", "it", "hr", "the", "our", "this",
];

struct Lists {
    before: Phrases,
    sentence: Phrases,
    after: Phrases,
    cues: Phrases,
    list_words: Phrases,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut not = parse_table(NOT_SUBPROCESSOR).into_iter().map(|(_, p)| p);
    let mut next = || not.next().expect("three lists of non-subprocessor cues");
    let (before, sentence, after) = (next(), next(), next());
    let single = |data| parse_table(data).pop().expect("one list").1;
    Lists {
        before,
        sentence,
        after,
        cues: single(CUES),
        list_words: single(LIST_WORDS),
    }
});

/// Longer lines are sentences, not list items or headings.
const SENTENCE_WORDS: usize = 12;

/// The drafts found in the prose lines (one paragraph a line). Where the subprocessors are
/// `listed` (in a table or list), companies named in sentences are left out.
pub(super) fn drafts(lines: &[String], listed: bool) -> Vec<Draft> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !listed || line.split_whitespace().count() <= SENTENCE_WORDS {
            found.extend(legal_form_names(line));
        }
        found.extend(cued_names(line));
        if let Some(draft) = heading(lines, i) {
            found.push(draft);
        }
    }
    found.extend(listed_names(lines));
    found
}

/// Companies with a legal form in a paragraph.
/// What is said about each is the text from its name to the next company or the end of the
/// sentence ("OVH Sp. z o.o. in Wrocław, and Stripe Payments Europe, Limited in Ireland").
fn legal_form_names(paragraph: &str) -> Vec<Draft> {
    let forms = names::legal_forms(paragraph);
    let starts: Vec<usize> = forms
        .iter()
        .map(|(s, _)| name_start(paragraph, *s))
        .collect();
    let mut found = Vec::new();
    for (k, &(_, form_end)) in forms.iter().enumerate() {
        let start = starts[k];
        let name = names::clean_name(&paragraph[start..form_end]);
        if name.is_empty() || names::key(&name).is_empty() || excluded(paragraph, start, form_end) {
            continue;
        }
        let sentence_end = paragraph[form_end..]
            .find(". ")
            .map_or(paragraph.len(), |e| form_end + e + 1);
        let next_name = starts.get(k + 1).copied().unwrap_or(paragraph.len());
        let about = &paragraph[start..sentence_end.min(next_name).max(form_end)];
        found.push(draft(&name, about, paragraph));
    }
    found
}

/// Where the name ending in a legal form at `form_start` begins: the run of capitalised words
/// (and joiners) before it, at most six.
fn name_start(text: &str, form_start: usize) -> usize {
    let before = text[..form_start].trim_end_matches([',', ' ']);
    let mut start = before.len();
    for (taken, word) in before.split(' ').rev().enumerate() {
        // "Sentry (Functional Software, Inc.)": a bracket opening before a capital is the
        // name's own, closed after the legal form.
        let capitalised = word
            .trim_start_matches('(')
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !capitalised || taken == 6 || word.ends_with(['.', ':', ';']) && taken > 0 {
            break;
        }
        // The word and the space before it; the space is trimmed below.
        start = (start - word.len()).saturating_sub(1);
    }
    let name = &text[start..form_start];
    start + (name.len() - name.trim_start_matches(['(', ' ', '"', '“']).len())
}

/// Whether the name at `start..end` is the service's beneficiary, a party or the writer.
fn excluded(paragraph: &str, start: usize, end: usize) -> bool {
    let lists = &*LISTS;
    let sentence_start = paragraph[..start].rfind(". ").map_or(0, |p| p + 2);
    let sentence = &paragraph[sentence_start..start];
    let folded_sentence = Folded::new(sentence);
    if lists.sentence.first(sentence, &folded_sentence).is_some() {
        return true;
    }
    // The word right before the name.
    let last_word = sentence.split_whitespace().last().unwrap_or("");
    let folded_word = Folded::new(last_word);
    let two_words: String = sentence
        .split_whitespace()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    let folded_two = Folded::new(&two_words);
    if lists.before.first(last_word, &folded_word).is_some()
        || lists
            .before
            .first(&two_words, &folded_two)
            .is_some_and(|(s, _)| s == 0)
    {
        return true;
    }
    let after: String = paragraph[end..].chars().take(40).collect();
    lists.after.first(&after, &Folded::new(&after)).is_some()
}

/// Names right after a cue ("we use Stripe", "przeszliśmy na Crisp").
fn cued_names(paragraph: &str) -> Vec<Draft> {
    let folded = Folded::new(paragraph);
    let mut found = Vec::new();
    for (_, cue_end) in LISTS.cues.all(paragraph, &folded) {
        let rest = &paragraph[cue_end..];
        let words: Vec<&str> = rest
            .split_whitespace()
            .take(3)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        let Some(first) = words.first() else { continue };
        // "Slack'a", "Zapier's": the name without its inflection; a word closing with a
        // comma or full stop closes the name.
        let mut name_words = Vec::new();
        for word in &words {
            let clean = word.split(['\'', '’']).next().unwrap_or(word);
            let closes = clean.ends_with([',', '.', ';', ':', ')']);
            name_words.push(clean.trim_end_matches([',', '.', ';', ':', ')']));
            if closes || clean.len() < word.len() {
                break;
            }
        }
        let name = name_words.join(" ");
        if first.is_empty() || !usable(&name) {
            continue;
        }
        let sentences = sentences_naming(paragraph, &name);
        found.push(draft(&name, &sentences, paragraph));
    }
    found
}

/// A short name-like line followed by a paragraph that names it again, capitalised: the
/// heading of a section about one tool. A line that is a company's name with its legal form
/// heads the paragraph under it even when that does not name it again ("Cloudflare, Inc.",
/// then "Content delivery network. Location: United States."). Its section (up to the next
/// short line) gives the mechanism.
fn heading(lines: &[String], i: usize) -> Option<Draft> {
    let line = names::clean_name(&lines[i]);
    let line = line.as_str();
    let next = lines.get(i + 1)?;
    // A company's name may hold a country ("HubSpot Australia Pty Ltd"); a bare name that
    // does is more likely a country or area heading.
    let company = names::legal_form_end(line).is_some();
    if !names::looks_like_name(line) || !(company || usable(line)) || is_title(line) {
        return None;
    }
    if next.split_whitespace().count() < 8 {
        return None;
    }
    let first_word: &str = line.split_whitespace().next()?;
    let named_again = line.split_whitespace().count() <= 3
        && first_word.chars().count() >= 3
        && first_word.chars().all(char::is_alphanumeric)
        && next.contains(first_word);
    if !company && !named_again {
        return None;
    }
    let section: Vec<&str> = lines[i + 1..]
        .iter()
        .take_while(|l| l.split_whitespace().count() >= 8)
        .map(String::as_str)
        .collect();
    let section = section.join("\n");
    let sentences = match sentences_naming(&section, first_word) {
        about if about.is_empty() && company => section.clone(),
        about => about,
    };
    Some(draft(line, &sentences, &section))
}

/// Whether a heading titles the list rather than naming a tool: "Intercom Subprocessors",
/// "HubSpot Sub-processors" end with the word a name column is headed with.
fn is_title(line: &str) -> bool {
    line.split([' ', '-'])
        .next_back()
        .and_then(header::column)
        .is_some_and(|c| c == Column::Name)
}

/// Tool names listed one a line after a line ending in ":" that speaks of tools, services or
/// providers, or followed by a line that does ("…, we signed DPAs with all of them").
fn listed_names(lines: &[String]) -> Vec<Draft> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_end().ends_with(':') {
            i += 1;
            continue;
        }
        let intro = &lines[i];
        let items: Vec<&String> = lines[i + 1..]
            .iter()
            .take_while(|l| l.split_whitespace().count() <= 4 && !l.trim_end().ends_with(':'))
            .collect();
        let after = lines.get(i + 1 + items.len()).map_or("", String::as_str);
        let named: Vec<&&String> = items
            .iter()
            .filter(|l| names::looks_like_name(l) && usable(l))
            .collect();
        let about_tools = |text: &str| LISTS.list_words.first(text, &Folded::new(text)).is_some();
        if named.len() >= 2
            && named.len() * 2 >= items.len()
            && (about_tools(intro) || about_tools(after))
        {
            let context = format!("{intro}\n{after}");
            for item in named {
                let mut d = draft(item, "", &context);
                d.source = format!("{intro}\n{item}\n{after}");
                found.push(d);
            }
        }
        i += 1 + items.len();
    }
    found
}

/// Whether a candidate name is no acronym of the trade, country, area or transfer tool.
fn usable(name: &str) -> bool {
    let folded = fold(name);
    !folded.is_empty()
        && !NOT_NAMES.contains(&folded.as_str())
        && country::detect(name).is_none()
        && country::area(name).is_none()
        && mechanism::mentions(name).is_empty()
}

/// The sentences of a text that name `name` (for the country and area said about it).
fn sentences_naming(text: &str, name: &str) -> String {
    text.split_inclusive(['.', '!', '?', '\n'])
        .filter(|s| s.contains(name))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A prose draft: the country from the sentences that name it, the mechanism from the whole
/// paragraph or section.
fn draft(name: &str, sentences: &str, paragraph: &str) -> Draft {
    let mut d = Draft::new(Origin::Prose, name, paragraph);
    d.context = sentences.to_string();
    d.mechanism = mechanism_text(paragraph);
    d
}

/// The mechanism a paragraph names, as text for the draft.
fn mechanism_text(paragraph: &str) -> String {
    mechanism::mentions(paragraph)
        .iter()
        .map(|m| &paragraph[m.start..m.end])
        .collect::<Vec<_>>()
        .join("; ")
}
