//! Finds the subprocessors in a read document.
//!
//! Tables are read by their header row (or guessed columns); text blocks are first cleared of
//! page furniture, then searched for tables typed as text, tables flattened to one line a cell
//! or a row, entries with dash-separated fields, label/value blocks, and last, in the lines
//! nothing else claimed, prose. The rows are merged per company.

mod context;
mod dashed;
mod dedupe;
mod draft;
mod header;
mod labels;
mod names;
mod noise;
mod prose;
mod row_lines;
mod spaced;
mod stacked;
mod table;
mod text_table;

use crate::{Block, Document, ImportedRow};
use dpadesk_model::TransferMechanism;
use draft::Draft;

/// A company name as the reader compares names: folded, without legal forms or what it adds
/// in brackets ("Amazon Web Services Inc (AWS)" is "amazon web services").
pub(crate) fn names_key(name: &str) -> String {
    names::key(&dedupe::without_brackets(name))
}

/// What the extraction found: the subprocessors, and the entries of tables the document
/// itself says are not subprocessors, shown to the user as left out.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub rows: Vec<ImportedRow>,
    pub excluded: Vec<Excluded>,
}

/// An entry left out, and the words of the document that say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub name: String,
    pub reason: String,
}

/// The entries of a table left out for `reason`.
fn left_out(drafts: Vec<Draft>, reason: &str) -> Vec<Excluded> {
    drafts
        .into_iter()
        .filter_map(Draft::finish)
        .map(|row| Excluded {
            name: row.name,
            reason: reason.to_string(),
        })
        .collect()
}

/// The subprocessor rows of a document, in reading order, one per company.
pub fn extract(document: &Document) -> Extracted {
    let mut before: &[String] = &[];
    let mut excluded = Vec::new();
    let mut tables: Vec<Vec<Draft>> = Vec::new();
    for block in &document.blocks {
        tables.push(match block {
            // A table the text before it calls "not subprocessors" lists none.
            Block::Table { rows } => match context::non_subprocessor_intro(before) {
                Some(why) => {
                    excluded.extend(left_out(table::drafts(rows), &why));
                    Vec::new()
                }
                None => table::drafts(rows),
            },
            Block::Text { lines } => {
                before = lines;
                Vec::new()
            }
        });
    }
    let tabled = tables.iter().any(|t| !t.is_empty());
    let mut drafts = Vec::new();
    let mut table_count = 0;
    for (block, table) in document.blocks.iter().zip(tables) {
        match block {
            Block::Table { .. } => {
                drafts.extend(in_table(table, &mut table_count));
            }
            Block::Text { lines } => {
                drafts.extend(text_drafts(lines, tabled, &mut table_count, &mut excluded));
            }
        }
    }
    same_company_across_tables(&mut drafts);
    let authors: Vec<String> = document
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Text { lines } => context::authors(lines),
            Block::Table { .. } => Vec::new(),
        })
        .map(|a| names::key(&a))
        .collect();
    let text: Vec<String> = document
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Text { lines } => lines.clone(),
            Block::Table { .. } => Vec::new(),
        })
        .collect();
    let rows = drafts.into_iter().filter_map(Draft::finish).map(|mut row| {
        let outside = row
            .country
            .as_ref()
            .is_some_and(|c| !crate::country::is_eea(c));
        if row.mechanism == TransferMechanism::Unknown
            && outside
            && let Some(tool) = context::tool_named_for(&text, &row.name)
        {
            row.mechanism = tool;
        }
        row
    });
    let rows = rows.filter(|row| {
        // "Services, Kandra Labs, Inc.": prose that ran into the writer's name is it too.
        let key = names::key(&context::without_article(&row.name));
        !authors
            .iter()
            .any(|a| key == *a || key.ends_with(&format!(" {a}")))
    });
    Extracted {
        rows: dedupe::merge(rows.collect()),
        excluded,
    }
}

/// The drafts of one table, marked as being in table number `count` (counted up).
fn in_table(drafts: Vec<Draft>, count: &mut usize) -> Vec<Draft> {
    *count += 1;
    drafts
        .into_iter()
        .map(|d| Draft {
            table: Some(*count),
            ..d
        })
        .collect()
}

/// "Anthropic (Claude)" in one table is the "Anthropic" of another: the product a table adds
/// in brackets does not make another company. Within one table both may be rows of their own
/// ("Microsoft" and "Microsoft (Azure)").
fn same_company_across_tables(drafts: &mut [Draft]) {
    let plain: Vec<(String, Option<usize>, String)> = drafts
        .iter()
        .map(|d| (names::key(&d.name), d.table, d.name.clone()))
        .collect();
    for d in drafts.iter_mut().filter(|d| d.name.contains('(')) {
        let bare = names::key(&dedupe::without_brackets(&d.name));
        if let Some((_, _, name)) = plain
            .iter()
            .find(|(key, table, _)| *key == bare && *table != d.table)
        {
            d.name = name.clone();
        }
    }
}

/// The drafts of a text block; `tabled` says the document lists subprocessors in a table
/// elsewhere; tables found in it are counted on from `table_count`, and the entries of those
/// it calls not subprocessors go to `excluded`.
fn text_drafts(
    lines: &[String],
    tabled: bool,
    table_count: &mut usize,
    excluded: &mut Vec<Excluded>,
) -> Vec<Draft> {
    let lines = noise::clean(lines);
    let mut claimed = vec![false; lines.len()];
    let mut found = Vec::new();
    for (range, rows) in text_table::find(&lines) {
        let before = &lines[..range.start];
        claim(range, &mut claimed);
        match context::non_subprocessor_intro(before) {
            Some(why) => excluded.extend(left_out(table::drafts(&rows), &why)),
            None => found.extend(in_table(table::drafts(&rows), table_count)),
        }
    }
    for (range, drafts) in spaced::drafts(&lines, &claimed) {
        claim(range, &mut claimed);
        found.extend(drafts);
    }
    for (range, drafts) in stacked::drafts(&lines) {
        if claimed[range.clone()].iter().any(|c| *c) {
            continue;
        }
        claim(range, &mut claimed);
        found.extend(drafts);
    }
    for (line, draft) in row_lines::drafts(&lines, &claimed) {
        claimed[line] = true;
        found.push(draft);
    }
    for (line, draft) in dashed::drafts(&lines, &claimed) {
        claimed[line] = true;
        found.push(draft);
    }
    for (range, draft) in labels::drafts(&lines, &claimed) {
        claim(range, &mut claimed);
        found.push(draft);
    }
    let prose: Vec<String> = lines
        .iter()
        .zip(&claimed)
        .filter(|(_, c)| !**c)
        .map(|(l, _)| l.clone())
        .collect();
    // Where the document lists its subprocessors in a table, a name the prose merely mentions
    // ("services provided by Vercom") is more likely the writer or a product than another
    // subprocessor; only companies the prose names with a legal form are added then, and
    // not from sentences, which are remarks and footnotes about the listed ones ("Twilio
    // Ireland Limited is the contracting entity").
    let listed = tabled || !found.is_empty();
    found.extend(
        prose::drafts(&prose, listed)
            .into_iter()
            .filter(|d| !listed || names::legal_form_end(&d.name).is_some()),
    );
    found
}

fn claim(range: std::ops::Range<usize>, claimed: &mut [bool]) {
    claimed[range].iter_mut().for_each(|c| *c = true);
}
