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
use draft::Draft;

/// The subprocessor rows of a document, in reading order, one per company.
pub fn rows(document: &Document) -> Vec<ImportedRow> {
    let mut before: &[String] = &[];
    let tables: Vec<Vec<Draft>> = document
        .blocks
        .iter()
        .map(|block| match block {
            // A table the text before it calls "not subprocessors" lists none.
            Block::Table { .. } if context::introduces_non_subprocessors(before) => Vec::new(),
            Block::Table { rows } => table::drafts(rows),
            Block::Text { lines } => {
                before = lines;
                Vec::new()
            }
        })
        .collect();
    let tabled = tables.iter().any(|t| !t.is_empty());
    let mut drafts = Vec::new();
    for (block, table) in document.blocks.iter().zip(tables) {
        match block {
            Block::Table { .. } => drafts.extend(table),
            Block::Text { lines } => drafts.extend(text_drafts(lines, tabled)),
        }
    }
    let authors: Vec<String> = document
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Text { lines } => context::authors(lines),
            Block::Table { .. } => Vec::new(),
        })
        .map(|a| names::key(&a))
        .collect();
    let rows = drafts.into_iter().filter_map(Draft::finish).filter(|row| {
        // "Services, Kandra Labs, Inc.": prose that ran into the writer's name is it too.
        let key = names::key(&context::without_article(&row.name));
        !authors
            .iter()
            .any(|a| key == *a || key.ends_with(&format!(" {a}")))
    });
    dedupe::merge(rows.collect())
}

/// The drafts of a text block; `tabled` says the document lists subprocessors in a table
/// elsewhere.
fn text_drafts(lines: &[String], tabled: bool) -> Vec<Draft> {
    let lines = noise::clean(lines);
    let mut claimed = vec![false; lines.len()];
    let mut found = Vec::new();
    for (range, rows) in text_table::find(&lines) {
        let before = &lines[..range.start];
        claim(range, &mut claimed);
        if !context::introduces_non_subprocessors(before) {
            found.extend(table::drafts(&rows));
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
