//! A small page-layout layer on printpdf for the documents of this crate: A4 pages with
//! embedded Noto fonts measured glyph by glyph, wrapped paragraphs, grids whose rows continue
//! on the next page under a repeated head, anchors for the table of contents, and a running
//! header and footer with "page X of Y" added once all pages exist.

pub mod blocks;
pub mod flow;
pub mod fonts;
pub mod page;
pub mod render;
pub mod style;
pub mod table;
pub mod wrap;
