//! Tables whose cells may span rows and columns (HTML, DOCX, merged spreadsheet cells), laid
//! out on a grid and flattened to the plain rows of a `Block::Table`.
//!
//! A value spanning rows is copied into each row it covers, as each of those rows is a record
//! that shares it; a value spanning columns stays in its first column. A row made only of
//! such copies (a record drawn over two rows, say) is dropped, so merges never add rows.

use crate::Block;

/// Spans beyond this are clipped: no list needs more, and hostile files must not make us
/// allocate a grid of billions of cells.
const MAX_SPAN: usize = 1000;
const MAX_CELLS: usize = 4_000_000;

#[derive(Debug, Default)]
pub(super) struct Grid {
    rows: Vec<Vec<Option<Slot>>>,
    cells: usize,
}

#[derive(Debug, Clone)]
struct Slot {
    text: String,
    /// False for a slot filled by a span from another cell.
    own: bool,
}

impl Grid {
    /// The first column at or after `col` in `row` that no earlier span covers.
    pub(super) fn next_free(&self, row: usize, mut col: usize) -> usize {
        if let Some(cells) = self.rows.get(row) {
            while matches!(cells.get(col), Some(Some(_))) {
                col += 1;
            }
        }
        col
    }

    /// Puts a cell's text at (`row`, `col`) spanning `rowspan` × `colspan` slots.
    pub(super) fn place(
        &mut self,
        row: usize,
        col: usize,
        text: String,
        rowspan: usize,
        colspan: usize,
    ) {
        let mut rowspan = rowspan.clamp(1, MAX_SPAN);
        let mut colspan = colspan.clamp(1, MAX_SPAN);
        if col >= MAX_SPAN * 16 || self.cells + rowspan * colspan > MAX_CELLS {
            if self.cells >= MAX_CELLS || col >= MAX_SPAN * 16 {
                return;
            }
            (rowspan, colspan) = (1, 1);
        }
        for r in row..row + rowspan {
            for c in col..col + colspan {
                let slot = Slot {
                    text: if c == col {
                        text.clone()
                    } else {
                        String::new()
                    },
                    own: r == row && c == col,
                };
                self.set(r, c, slot);
            }
        }
    }

    /// Fills (`row`, `col`) with a copy of the slot above: a vertical merge continued (DOCX).
    pub(super) fn continue_from_above(&mut self, row: usize, col: usize, colspan: usize) {
        let above = row
            .checked_sub(1)
            .and_then(|r| self.rows.get(r))
            .and_then(|cells| cells.get(col))
            .and_then(Option::as_ref)
            .map(|slot| slot.text.clone())
            .unwrap_or_default();
        for c in col..col + colspan.clamp(1, MAX_SPAN) {
            let text = if c == col {
                above.clone()
            } else {
                String::new()
            };
            self.set(row, c, Slot { text, own: false });
        }
    }

    fn set(&mut self, row: usize, col: usize, slot: Slot) {
        if self.rows.len() <= row {
            self.rows.resize_with(row + 1, Vec::new);
        }
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            self.cells += col + 1 - cells.len();
            cells.resize(col + 1, None);
        }
        cells[col] = Some(slot);
    }

    /// The rows with text of their own, all as wide as the widest, without columns that are
    /// empty in every row.
    pub(super) fn into_rows(self) -> Vec<Vec<String>> {
        let rows: Vec<Vec<String>> = self
            .rows
            .into_iter()
            .filter(|cells| cells.iter().flatten().any(|s| s.own && !s.text.is_empty()))
            .map(|cells| {
                cells
                    .into_iter()
                    .map(|slot| slot.map(|s| s.text).unwrap_or_default())
                    .collect()
            })
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let used: Vec<bool> = (0..width)
            .map(|c| {
                rows.iter()
                    .any(|row| row.get(c).is_some_and(|t| !t.is_empty()))
            })
            .collect();
        rows.into_iter()
            .map(|mut row| {
                row.resize(width, String::new());
                row.into_iter()
                    .zip(&used)
                    .filter(|(_, used)| **used)
                    .map(|(text, _)| text)
                    .collect()
            })
            .collect()
    }
}

/// A cell's text as a `Block::Table` holds it: each line's whitespace collapsed, empty lines
/// dropped, the remaining lines joined by `\n` (they separate values within the cell).
pub(super) fn clean_cell(text: &str) -> String {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text split into the trimmed, non-empty lines of a `Block::Text`.
pub(super) fn clean_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
}

/// Moves the text gathered in `buffer` into a `Block::Text` of its lines, if it has any.
pub(super) fn flush_text(buffer: &mut String, blocks: &mut Vec<Block>) {
    let lines: Vec<String> = clean_lines(buffer).collect();
    buffer.clear();
    if !lines.is_empty() {
        blocks.push(Block::Text { lines });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn row_spans_are_copied_and_col_spans_kept_once() {
        let mut grid = Grid::default();
        grid.place(0, 0, "Name".into(), 1, 1);
        grid.place(0, 1, "Where".into(), 1, 2);
        grid.place(1, 0, "AWS".into(), 1, 1);
        grid.place(1, 1, "US".into(), 2, 1);
        grid.place(1, 2, "SCC".into(), 1, 1);
        let c = grid.next_free(2, 0);
        grid.place(2, c, "Stripe".into(), 1, 1);
        let c = grid.next_free(2, c + 1);
        assert_eq!(c, 2);
        grid.place(2, c, "DPF".into(), 1, 1);
        assert_eq!(
            grid.into_rows(),
            cells(&[
                &["Name", "Where", ""],
                &["AWS", "US", "SCC"],
                &["Stripe", "US", "DPF"]
            ])
        );
    }

    #[test]
    fn a_record_drawn_over_two_rows_stays_one_row() {
        let mut grid = Grid::default();
        grid.place(0, 0, "Twilio".into(), 2, 1);
        grid.place(0, 1, "US".into(), 2, 1);
        assert_eq!(grid.into_rows(), cells(&[&["Twilio", "US"]]));
    }

    #[test]
    fn hostile_spans_are_clipped() {
        let mut grid = Grid::default();
        for r in 0..50 {
            grid.place(r, 0, "x".into(), usize::MAX, usize::MAX);
        }
        assert!(grid.cells <= MAX_CELLS);
    }

    #[test]
    fn cells_keep_line_breaks_between_values() {
        assert_eq!(
            clean_cell("  Amazon \n\n  Web   Services \n"),
            "Amazon\nWeb Services"
        );
    }
}
