//! The bundled TrueType font cut down to the glyphs a document uses, for the SVG's
//! `@font-face`: the outlines of other glyphs are emptied (glyph ids, the character map
//! and the advances stay as they are, so nothing else needs renumbering) and the layout
//! tables (GSUB, GPOS, GDEF) are left out, so viewers place glyphs by their advances, as
//! the layout measured them.

use skrifa::MetadataProvider as _;

/// Why a font could not be cut down.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SubsetError {
    /// The file lacks a table a TrueType font needs.
    #[error("the font has no '{0}' table")]
    MissingTable(&'static str),
    /// An offset points past the end of the file.
    #[error("the font is cut short near byte {0}")]
    Truncated(usize),
}

/// Tables left out of the subset.
const DROPPED: [&[u8; 4]; 3] = [b"GSUB", b"GPOS", b"GDEF"];

fn u16_at(data: &[u8], at: usize) -> Result<u16, SubsetError> {
    let bytes = data.get(at..at + 2).ok_or(SubsetError::Truncated(at))?;
    Ok(u16::from_be_bytes([bytes[0], bytes[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, SubsetError> {
    let bytes = data.get(at..at + 4).ok_or(SubsetError::Truncated(at))?;
    Ok(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// A table: its tag and bytes.
type Table<'a> = ([u8; 4], &'a [u8]);

/// The font's tables, in the file's order.
fn tables(font: &[u8]) -> Result<Vec<Table<'_>>, SubsetError> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag = font
                .get(record..record + 4)
                .ok_or(SubsetError::Truncated(record))?;
            let offset = u32_at(font, record + 8)? as usize;
            let length = u32_at(font, record + 12)? as usize;
            let bytes = font
                .get(offset..offset + length)
                .ok_or(SubsetError::Truncated(offset))?;
            Ok(([tag[0], tag[1], tag[2], tag[3]], bytes))
        })
        .collect()
}

/// `font` (TrueType outlines) with the glyphs of the characters in `used`, the glyphs
/// their composites are built from, and the missing-glyph box; no others.
pub fn subset_font(font: &[u8], used: &str) -> Result<Vec<u8>, SubsetError> {
    let tables = tables(font)?;
    let table = |tag: &'static str| {
        tables
            .iter()
            .find(|(t, _)| t == tag.as_bytes())
            .map(|(_, bytes)| *bytes)
            .ok_or(SubsetError::MissingTable(tag))
    };
    let (head, loca, glyf) = (table("head")?, table("loca")?, table("glyf")?);
    let glyph_count = usize::from(u16_at(table("maxp")?, 4)?);
    let long_offsets = u16_at(head, 50)? != 0;
    let glyph = |gid: usize| -> Result<&[u8], SubsetError> {
        let (start, end) = if long_offsets {
            (
                u32_at(loca, gid * 4)? as usize,
                u32_at(loca, gid * 4 + 4)? as usize,
            )
        } else {
            (
                usize::from(u16_at(loca, gid * 2)?) * 2,
                usize::from(u16_at(loca, gid * 2 + 2)?) * 2,
            )
        };
        glyf.get(start..end).ok_or(SubsetError::Truncated(start))
    };
    let charmap = skrifa::FontRef::new(font)
        .map_err(|_| SubsetError::MissingTable("cmap"))?
        .charmap();
    let mut keep = vec![false; glyph_count];
    let mut todo: Vec<usize> = std::iter::once(0)
        .chain(
            used.chars()
                .filter_map(|c| charmap.map(c))
                .map(|g| g.to_u32() as usize),
        )
        .collect();
    while let Some(gid) = todo.pop() {
        if gid >= glyph_count || std::mem::replace(&mut keep[gid], true) {
            continue;
        }
        todo.extend(components(glyph(gid)?)?);
    }
    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((glyph_count + 1) * 4);
    for (gid, &kept) in keep.iter().enumerate() {
        new_loca.extend_from_slice(
            &u32::try_from(new_glyf.len())
                .unwrap_or(u32::MAX)
                .to_be_bytes(),
        );
        if kept {
            new_glyf.extend_from_slice(glyph(gid)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    new_loca.extend_from_slice(
        &u32::try_from(new_glyf.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    let mut new_head = head.to_vec();
    new_head[8..12].fill(0);
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes());
    let out_tables: Vec<Table<'_>> = tables
        .iter()
        .filter(|(tag, _)| !DROPPED.contains(&tag))
        .map(|&(tag, bytes)| match &tag {
            b"glyf" => (tag, new_glyf.as_slice()),
            b"loca" => (tag, new_loca.as_slice()),
            b"head" => (tag, new_head.as_slice()),
            _ => (tag, bytes),
        })
        .collect();
    Ok(write_font(font, &out_tables))
}

/// The glyphs a composite glyph is built from (none for a simple glyph).
fn components(glyph: &[u8]) -> Result<Vec<usize>, SubsetError> {
    if glyph.is_empty() || u16_at(glyph, 0)? & 0x8000 == 0 {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        found.push(usize::from(u16_at(glyph, at + 2)?));
        at += 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        at += match flags {
            f if f & 0x0008 != 0 => 2,
            f if f & 0x0040 != 0 => 4,
            f if f & 0x0080 != 0 => 8,
            _ => 0,
        };
        if flags & 0x0020 == 0 {
            return Ok(found);
        }
    }
}

/// The OpenType checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// A font file of `tables` (sorted by tag, 4-byte aligned, with checksums and head's
/// checksum adjustment), with `original`'s version tag.
fn write_font(original: &[u8], tables: &[Table<'_>]) -> Vec<u8> {
    let mut tables = tables.to_vec();
    tables.sort_by_key(|(tag, _)| *tag);
    let count = u16::try_from(tables.len()).unwrap_or(u16::MAX);
    let selector = 15 - count.max(1).leading_zeros() as u16;
    let range = (1u16 << selector) * 16;
    let mut out = original.get(..4).unwrap_or(&[0, 1, 0, 0]).to_vec();
    for value in [
        count,
        range,
        selector,
        count.saturating_mul(16).saturating_sub(range),
    ] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, bytes) in &tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        for value in [checksum(bytes), offset as u32, bytes.len() as u32] {
            out.extend_from_slice(&value.to_be_bytes());
        }
        offset += bytes.len().next_multiple_of(4);
    }
    for (_, bytes) in &tables {
        out.extend_from_slice(bytes);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::font::FONT_TTF;
    use super::*;

    #[test]
    fn keeps_the_glyphs_asked_for_and_a_valid_checksum() {
        let small = subset_font(FONT_TTF, "Ḩamāh").unwrap();
        assert!(small.len() * 4 < FONT_TTF.len(), "{}", small.len());
        // The whole file sums to the magic number once head's adjustment is set.
        assert_eq!(checksum(&small), 0xB1B0_AFBA);
        let font = skrifa::FontRef::new(&small).unwrap();
        let glyphs = font.glyph_metrics(
            skrifa::instance::Size::unscaled(),
            skrifa::instance::LocationRef::default(),
        );
        let outlined = |c: char| {
            let gid = font.charmap().map(c).unwrap();
            glyphs.bounds(gid).is_some_and(|b| b.x_max > b.x_min)
        };
        assert!(outlined('Ḩ') && outlined('ā') && outlined('m'));
        assert!(!outlined('Z'), "not asked for");
        assert!(font.table_data(skrifa::Tag::new(b"GPOS")).is_none());
    }

    #[test]
    fn a_damaged_font_is_an_error() {
        assert!(subset_font(&FONT_TTF[..200], "a").is_err());
        assert!(subset_font(b"", "a").is_err());
    }
}
