//! The strongest gzip and brotli settings, as a server that precompresses would send files:
//! the build writes `pkg/*.gz` and `pkg/*.br` with them, and `cargo xtask size` measures them.

use std::io::Write;

/// gzip at level 9.
pub fn gzip_best(bytes: &[u8]) -> Vec<u8> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = gzip.write_all(bytes);
    gzip.finish().unwrap_or_default()
}

/// brotli at quality 11 with a 4 MiB window.
pub fn brotli_best(bytes: &[u8]) -> Vec<u8> {
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        let _ = writer.write_all(bytes);
    }
    brotli
}
