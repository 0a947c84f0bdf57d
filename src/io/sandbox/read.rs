//! Reading one file under the rules: a regular file, no more than a limit, checked
//! before reading (its metadata) and while reading (never more than the limit plus
//! one byte is read, so a file that grows, or lies about its size, stops there).

use std::io::Read;
use std::path::Path;

use super::{FileKind, PathError};

/// Reads the regular file at `path` as UTF-8, at most `limit` bytes. No check of
/// where it is: for files the user chose (command line, file dialog) and for paths
/// already checked ([`super::ReadPolicy::resolve`]).
pub fn read_file(path: &Path, kind: FileKind, limit: u64) -> Result<String, PathError> {
    let bytes = read_bytes(path, kind, limit)?;
    String::from_utf8(bytes).map_err(|_| {
        PathError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// [`read_file`]'s bytes, not checked to be UTF-8.
pub fn read_bytes(path: &Path, kind: FileKind, limit: u64) -> Result<Vec<u8>, PathError> {
    // Looked at before opening: opening a pipe would wait for a writer.
    let size = check_regular(&std::fs::metadata(path)?, kind, limit)?;
    let file = std::fs::File::open(path)?;
    // And again once open, in case the path was changed in between.
    check_regular(&file.metadata()?, kind, limit)?;
    read_at_most(file, kind, limit, usize::try_from(size).unwrap_or(0))
}

/// The size of the regular file at `path`, checked to be within `limit` (before
/// hashing or reading it).
pub fn file_size(path: &Path, kind: FileKind, limit: u64) -> Result<u64, PathError> {
    check_regular(&std::fs::metadata(path)?, kind, limit)
}

/// Reads standard input (a scenario or an article) as UTF-8, at most `limit` bytes.
pub fn read_stdin(kind: FileKind, limit: u64) -> Result<String, PathError> {
    let bytes = read_at_most(std::io::stdin().lock(), kind, limit, 0)?;
    String::from_utf8(bytes).map_err(|_| {
        PathError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// The size of a regular file within the limit; an error for anything else.
fn check_regular(
    metadata: &std::fs::Metadata,
    kind: FileKind,
    limit: u64,
) -> Result<u64, PathError> {
    if metadata.is_dir() {
        return Err(PathError::Folder);
    }
    if !metadata.is_file() {
        return Err(PathError::NotRegular);
    }
    if metadata.len() > limit {
        return Err(PathError::TooLarge {
            kind,
            limit,
            size: Some(metadata.len()),
        });
    }
    Ok(metadata.len())
}

/// Reads `from` to its end, failing as soon as it has given more than `limit` bytes.
pub(super) fn read_at_most(
    from: impl Read,
    kind: FileKind,
    limit: u64,
    expected: usize,
) -> Result<Vec<u8>, PathError> {
    let mut bytes = Vec::with_capacity(expected);
    from.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(PathError::TooLarge {
            kind,
            limit,
            size: None,
        });
    }
    Ok(bytes)
}
