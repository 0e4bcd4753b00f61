//! The part of the zip format a pack uses, written and read here rather than through
//! the `zip` crate: with it the browser module that makes packs grew by 124 KB gzip
//! (its writer brings zopfli along, its reader indexmap and its many methods), against
//! a few KB for this (docs/size.md). Other tools read what this writes (the tests open
//! it with the `zip` crate and Python's `zipfile`); what it reads is what a pack needs:
//! stored and deflated entries, no encryption, no zip64, no spanning.
//!
//! Reading trusts nothing: every offset and length is checked against the file, names
//! come from the central directory (where a name written twice shows), and each entry is
//! inflated at most one byte past the size it declares.

use crate::PackError;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// 1 January 1980, 00:00: the format's earliest time, on every entry (the same
/// assessment gives the same bytes).
const DOS_DATE: u16 = (1 << 5) | 1;
/// Names are UTF-8 (general purpose flag bit 11).
const UTF8: u16 = 1 << 11;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// A zip written entry by entry, so that a pack's evidence files need not all be in
/// memory at once: each entry's bytes come back to be written out in order, then the
/// central directory ([`Writer::finish`]).
#[derive(Debug, Default)]
pub struct Writer {
    /// Bytes written so far.
    written: u64,
    central: Vec<u8>,
    count: u16,
}

fn too_big(what: &str) -> PackError {
    PackError::Write(format!("{what} is too large for a zip without zip64"))
}

impl Writer {
    /// The entry `name` holding `data`: deflated, or stored where deflating does not
    /// make it smaller. Its local header and body, to write next.
    pub fn entry(&mut self, name: &str, data: &[u8]) -> Result<Vec<u8>, PackError> {
        let deflated = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body) = if deflated.len() < data.len() {
            (DEFLATED, deflated.as_slice())
        } else {
            (STORED, data)
        };
        let crc = crc32fast::hash(data);
        let mut out = self.header(name, method, crc, data.len() as u64, body.len() as u64)?;
        out.extend_from_slice(body);
        self.written += body.len() as u64;
        Ok(out)
    }

    /// The entry `name` holding `size` bytes whose CRC-32 is `crc`, stored as they are:
    /// only its local header, to be written before the bytes themselves (an evidence
    /// file goes out without a copy).
    pub fn stored(&mut self, name: &str, crc: u32, size: u64) -> Result<Vec<u8>, PackError> {
        let out = self.header(name, STORED, crc, size, size)?;
        self.written += size;
        Ok(out)
    }

    /// The local header of an entry of `size` bytes whose body is `packed` bytes, its
    /// central record kept for the end.
    fn header(
        &mut self,
        name: &str,
        method: u16,
        crc: u32,
        size: u64,
        packed: u64,
    ) -> Result<Vec<u8>, PackError> {
        let offset = u32::try_from(self.written).map_err(|_| too_big("the pack"))?;
        let size = u32::try_from(size).map_err(|_| too_big(name))?;
        let packed = u32::try_from(packed).map_err(|_| too_big(name))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big(name))?;
        self.count = self
            .count
            .checked_add(1)
            .ok_or_else(|| too_big("the list of files"))?;
        let mut out = Vec::with_capacity(30 + name.len());
        put32(&mut out, LOCAL);
        for v in [20, UTF8, method, 0, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, packed, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        self.written += out.len() as u64;
        let central = &mut self.central;
        put32(central, CENTRAL);
        for v in [20, 20, UTF8, method, 0, DOS_DATE] {
            put16(central, v);
        }
        for v in [crc, packed, size] {
            put32(central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(central, v);
        }
        put32(central, 0);
        put32(central, offset);
        central.extend_from_slice(name.as_bytes());
        Ok(out)
    }

    /// The central directory and its end record: the zip's last bytes.
    pub fn finish(self) -> Result<Vec<u8>, PackError> {
        let at = u32::try_from(self.written).map_err(|_| too_big("the pack"))?;
        let length = u32::try_from(self.central.len()).map_err(|_| too_big("the pack"))?;
        let mut out = self.central;
        put32(&mut out, END);
        for v in [0, 0, self.count, self.count] {
            put16(&mut out, v);
        }
        put32(&mut out, length);
        put32(&mut out, at);
        put16(&mut out, 0);
        Ok(out)
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// One entry of a zip's central directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its name, as written.
    pub name: String,
    /// Its size unpacked, as declared.
    pub size: u64,
    method: u16,
    crc: u32,
    packed: usize,
    offset: usize,
}

/// A zip's bytes, read through their central directory.
pub struct Archive<'a> {
    bytes: &'a [u8],
    /// Every entry, in the order written.
    pub entries: Vec<Entry>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        bytes.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        bytes.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn not_zip(why: &str) -> PackError {
    PackError::NotZip(why.into())
}

impl<'a> Archive<'a> {
    /// Reads the central directory of `bytes`, checking every offset and length against
    /// them; at most `limit` entries.
    pub fn read(bytes: &'a [u8], limit: usize) -> Result<Archive<'a>, PackError> {
        // The end record is the last 22 bytes, or further back by its comment.
        let last = bytes
            .len()
            .checked_sub(22)
            .ok_or_else(|| not_zip("too short"))?;
        let end = (last.saturating_sub(usize::from(u16::MAX))..=last)
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(END))
            .ok_or_else(|| not_zip("no end of central directory"))?;
        let field = |at: usize| u16_at(bytes, end + at).ok_or_else(|| not_zip("cut short"));
        let (disk, cd_disk, here, count) = (field(4)?, field(6)?, field(8)?, field(10)?);
        if disk != 0 || cd_disk != 0 || here != count {
            return Err(not_zip("a zip spanning several files"));
        }
        if usize::from(count) > limit {
            return Err(PackError::TooManyEntries {
                count: usize::from(count),
                limit,
            });
        }
        let start = u32_at(bytes, end + 16).ok_or_else(|| not_zip("cut short"))? as usize;
        let mut at = start;
        let mut entries = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let damaged = || not_zip("damaged central directory");
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(damaged());
            }
            let f16 = |o: usize| u16_at(bytes, at + o).ok_or_else(damaged);
            let f32 = |o: usize| u32_at(bytes, at + o).ok_or_else(damaged);
            let (flags, method) = (f16(8)?, f16(10)?);
            let (crc, packed, size) = (f32(16)?, f32(20)?, f32(24)?);
            let (name_len, extra, comment) = (
                usize::from(f16(28)?),
                usize::from(f16(30)?),
                usize::from(f16(32)?),
            );
            let offset = f32(42)? as usize;
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(damaged)?;
            let name = String::from_utf8_lossy(name).into_owned();
            if flags & 1 != 0 {
                return Err(PackError::Damaged {
                    path: name,
                    reason: "it is encrypted with the zip format's own encryption".into(),
                });
            }
            if packed == u32::MAX || size == u32::MAX || offset == u32::MAX as usize {
                return Err(PackError::Damaged {
                    path: name,
                    reason: "zip64 is not read".into(),
                });
            }
            if method != STORED && method != DEFLATED {
                return Err(PackError::Damaged {
                    path: name,
                    reason: format!("compression method {method} is not read"),
                });
            }
            entries.push(Entry {
                name,
                size: u64::from(size),
                method,
                crc,
                packed: packed as usize,
                offset,
            });
            at += 46 + name_len + extra + comment;
        }
        Ok(Archive { bytes, entries })
    }

    /// The bytes of `entry`, unpacked no further than one byte past its declared size.
    pub fn contents(&self, entry: &Entry) -> Result<Vec<u8>, PackError> {
        let damaged = |reason: &str| PackError::Damaged {
            path: entry.name.clone(),
            reason: reason.into(),
        };
        if u32_at(self.bytes, entry.offset) != Some(LOCAL) {
            return Err(damaged("no local header where the directory says"));
        }
        let name_len = u16_at(self.bytes, entry.offset + 26).ok_or_else(|| damaged("cut short"))?;
        let extra = u16_at(self.bytes, entry.offset + 28).ok_or_else(|| damaged("cut short"))?;
        let start = entry.offset + 30 + usize::from(name_len) + usize::from(extra);
        let local_name = self
            .bytes
            .get(entry.offset + 30..entry.offset + 30 + usize::from(name_len));
        if local_name != Some(entry.name.as_bytes()) {
            return Err(damaged("its local header names another file"));
        }
        let body = self
            .bytes
            .get(start..start.saturating_add(entry.packed))
            .ok_or_else(|| damaged("cut short"))?;
        let declared = usize::try_from(entry.size).map_err(|_| damaged("too large"))?;
        let data = match entry.method {
            STORED => body.to_vec(),
            _ => match decompress_to_vec_with_limit(body, declared.saturating_add(1)) {
                Ok(data) => data,
                Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                    return Err(PackError::Inflates(entry.name.clone()))
                }
                Err(_) => return Err(damaged("its compressed data is damaged")),
            },
        };
        if data.len() > declared {
            return Err(PackError::Inflates(entry.name.clone()));
        }
        if data.len() != declared {
            return Err(damaged("it holds fewer bytes than it declares"));
        }
        if crc32fast::hash(&data) != entry.crc {
            return Err(damaged("its checksum does not match"));
        }
        Ok(data)
    }
}
