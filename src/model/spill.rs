//! A temporary file for what a build holds between its passes: the
//! compressed texts, and the actors.
//!
//! A build reads each article's text again after extraction (for actors
//! across documents, claim groups and the graph's evidence), so it keeps
//! every text until its graph is made. Held in memory, even compressed,
//! the texts of a 1 GB corpus take about 700 MB. A [`Spill`] keeps them
//! in one temporary file instead, in the system's temporary folder
//! (`TMPDIR` on Unix), and reads each one back where it was written; the
//! actors, made before the claim groups and not needed again until the
//! graph, wait there too ([`Spill::write_value`]).
//!
//! The file is never seen by name: on Unix it is unlinked as soon as it
//! is made, so its space returns when the build ends, however it ends;
//! elsewhere it is removed when the last text in it is dropped. A
//! temporary folder that is itself in memory (`tmpfs`) saves nothing:
//! `TMPDIR` should then name a folder on disk.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A temporary file that texts are appended to and read back from, by
/// any number of threads at once.
#[derive(Debug)]
pub struct Spill {
    file: File,
    /// Where the next text goes.
    end: AtomicU64,
    /// The file's path, to remove it when dropped (where an open file
    /// cannot be unlinked).
    #[cfg_attr(unix, allow(dead_code))]
    path: PathBuf,
}

impl Spill {
    /// A new, empty spill file in the system's temporary folder.
    pub fn new() -> io::Result<Spill> {
        Spill::new_in(std::env::temp_dir())
    }

    /// A new, empty spill file in `dir`.
    pub fn new_in(dir: PathBuf) -> io::Result<Spill> {
        let mut attempt = 0u32;
        loop {
            let path = dir.join(format!(
                ".claimgraph-texts-{}-{}",
                std::process::id(),
                unique()
            ));
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .open(&path);
            match file {
                Ok(file) => {
                    #[cfg(unix)]
                    std::fs::remove_file(&path)?;
                    return Ok(Spill { file, end: AtomicU64::new(0), path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    attempt += 1;
                    if attempt > 100 {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Writes `bytes` at the end of the file; returns where they start.
    pub fn write(&self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.end.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        write_all_at(&self.file, bytes, at)?;
        Ok(at)
    }

    /// Reads the `len` bytes written at `at`.
    pub fn read(&self, at: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; len];
        read_exact_at(&self.file, &mut bytes, at)?;
        Ok(bytes)
    }

    /// Writes `value`, serialized, at the end of the file; returns where
    /// it starts and its length, to read it back with
    /// [`read_value`](Spill::read_value).
    pub fn write_value<T: Serialize>(
        &self,
        value: &T,
    ) -> io::Result<(u64, u32)> {
        let bytes = postcard::to_allocvec(value).map_err(io::Error::other)?;
        let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
        Ok((self.write(&bytes)?, len))
    }

    /// Reads back a value [`write_value`](Spill::write_value) wrote.
    pub fn read_value<T: DeserializeOwned>(
        &self,
        at: u64,
        len: u32,
    ) -> io::Result<T> {
        let bytes = self.read(at, len as usize)?;
        postcard::from_bytes(&bytes).map_err(io::Error::other)
    }
}

#[cfg(not(unix))]
impl Drop for Spill {
    fn drop(&mut self) {
        // Best effort: a file the system will not remove stays in its
        // temporary folder, which it clears itself.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A number no other spill file of this process has had.
fn unique() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(unix)]
fn write_all_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_exact_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn write_all_at(file: &File, mut bytes: &[u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_write(bytes, at)?;
        if n == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_exact_at(
    file: &File,
    mut bytes: &mut [u8],
    mut at: u64,
) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let n = file.seek_read(bytes, at)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[n..];
        at += n as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_back_as_written_from_many_threads() {
        let spill = Spill::new().unwrap();
        let texts: Vec<String> =
            (0..64).map(|i| format!("text {i} ").repeat(i + 1)).collect();
        let at: Vec<u64> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .iter()
                .map(|t| s.spawn(|| spill.write(t.as_bytes()).unwrap()))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (t, at) in texts.iter().zip(at) {
            assert_eq!(spill.read(at, t.len()).unwrap(), t.as_bytes());
        }
    }

    #[test]
    fn the_file_leaves_no_name_behind() {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-spill-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spill = Spill::new_in(dir.clone()).unwrap();
        spill.write(b"abc").unwrap();
        let named = std::fs::read_dir(&dir).unwrap().count();
        drop(spill);
        let left = std::fs::read_dir(&dir).unwrap().count();
        std::fs::remove_dir(&dir).unwrap();
        assert_eq!(left, 0);
        // Unlinked at once where the system allows it.
        if cfg!(unix) {
            assert_eq!(named, 0);
        }
    }

    #[test]
    fn values_read_back_as_written() {
        let spill = Spill::new().unwrap();
        let a = spill.write_value(&("one", vec![1u32, 2])).unwrap();
        let b = spill.write_value(&Some(3.5f64)).unwrap();
        assert_eq!(
            spill.read_value::<Option<f64>>(b.0, b.1).unwrap(),
            Some(3.5)
        );
        let back: (String, Vec<u32>) = spill.read_value(a.0, a.1).unwrap();
        assert_eq!(back, ("one".to_string(), vec![1, 2]));
    }

    #[test]
    fn a_read_past_the_end_fails() {
        let spill = Spill::new().unwrap();
        let at = spill.write(b"abc").unwrap();
        assert!(spill.read(at, 4).is_err());
    }
}
