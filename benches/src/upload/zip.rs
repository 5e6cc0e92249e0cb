//! A generated zip of a given size: incompressible bytes, stored (not deflated), so
//! the archive really is as large as asked — a worst case for an upload.

use std::io::{Cursor, Write};

use fgs_proto::Error;
use fgs_proto::code::CodePackage;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// The handler the generated zip carries beside its payload.
const HANDLER: &[u8] = b"def handler(event, context):\n    return event\n";
/// Room for the zip's headers and central directory (two entries need ~250 bytes).
const ZIP_OVERHEAD: usize = 4096;
/// The payload is generated and written this many bytes at a time, so that it never
/// exists in memory apart from the zip.
const CHUNK: usize = 64 * 1024;

/// A zip holding `index.py` and `payload.bin`: `payload_len` pseudo-random bytes from
/// `seed`, stored uncompressed. The zip is `payload_len` plus a few hundred bytes, and
/// its buffer is allocated once, at its final size.
///
/// ```
/// let zip = fgs_benches::upload::generate_zip(100_000, 7)?;
/// assert!(zip.len() > 100_000 && zip.len() < 101_000);
/// assert_eq!(&zip.as_bytes()[..4], b"PK\x03\x04");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub fn generate_zip(payload_len: usize, seed: u64) -> Result<CodePackage, Error> {
    let failed = |e: &dyn std::fmt::Display| {
        Error::invalid_input("func_code", format!("cannot generate the zip: {e}"))
    };
    let mut buffer = Vec::new();
    buffer
        .try_reserve_exact(payload_len + HANDLER.len() + ZIP_OVERHEAD)
        .map_err(|e| failed(&e))?;
    let mut zip = ZipWriter::new(Cursor::new(buffer));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default())
        .large_file(false);
    zip.start_file("index.py", options)
        .map_err(|e| failed(&e))?;
    zip.write_all(HANDLER).map_err(|e| failed(&e))?;
    zip.start_file("payload.bin", options)
        .map_err(|e| failed(&e))?;
    let mut random = SplitMix64(seed);
    let mut chunk = vec![0u8; CHUNK];
    let mut left = payload_len;
    while left > 0 {
        let part = &mut chunk[..left.min(CHUNK)];
        random.fill(part);
        zip.write_all(part).map_err(|e| failed(&e))?;
        left -= part.len();
    }
    let buffer = zip.finish().map_err(|e| failed(&e))?.into_inner();
    Ok(CodePackage::new(buffer))
}

/// SplitMix64: fast, and its output does not compress.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn fill(&mut self, out: &mut [u8]) {
        for word in out.chunks_mut(8) {
            let bytes = self.next().to_le_bytes();
            word.copy_from_slice(&bytes[..word.len()]);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn the_zip_holds_the_handler_and_the_payload_stored() {
        let payload_len = 3 * CHUNK + 5;
        let zip = generate_zip(payload_len, 42).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(zip.as_bytes())).unwrap();
        assert_eq!(archive.len(), 2);
        let mut handler = String::new();
        archive
            .by_name("index.py")
            .unwrap()
            .read_to_string(&mut handler)
            .unwrap();
        assert_eq!(handler.as_bytes(), HANDLER);
        let mut payload = archive.by_name("payload.bin").unwrap();
        assert_eq!(payload.compression(), CompressionMethod::Stored);
        let mut bytes = Vec::new();
        // Reading to the end checks the CRC-32 the zip records.
        payload.read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes.len(), payload_len);
        drop(payload);
        // Stored: the archive is the payload plus a few hundred bytes of headers.
        assert!(zip.len() - payload_len < 400, "{} bytes", zip.len());
        // Incompressible: all 256 byte values, none much more frequent than the rest.
        let mut counts = [0usize; 256];
        bytes.iter().for_each(|&b| counts[usize::from(b)] += 1);
        let expected = payload_len / 256;
        assert!(
            counts.iter().all(|&c| c > expected / 2 && c < expected * 2),
            "{counts:?}"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_zip_and_another_seed_another() {
        let a = generate_zip(1000, 1).unwrap();
        assert_eq!(a, generate_zip(1000, 1).unwrap());
        assert_ne!(a, generate_zip(1000, 2).unwrap());
        assert!(generate_zip(0, 1).unwrap().len() > HANDLER.len());
    }
}
