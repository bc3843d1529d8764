//! A lock file that keeps two builds from writing into one folder at once.
//!
//! `build` takes the lock before it writes anything into its output
//! folder and holds it until its last file is in place. The lock is the
//! file `.claimgraph.lock` in that folder: it is created only if absent
//! (so exactly one process can create it), holds the owner's process id
//! for the messages, and is removed when the [`OutputLock`] is dropped,
//! on success, on error or on a panic.
//!
//! A process that is killed cannot remove its lock. Such a stale lock is
//! recognised and taken over, with a note, by the next build: the owner
//! also holds an operating-system lock on the file (`File::try_lock`),
//! which the system releases when the owner dies, however it dies. Where
//! the file system offers no such locks, a lock whose process is no
//! longer running (checked in `/proc` on Linux) counts as stale; where
//! neither can be checked, the lock is left alone and the message says
//! how to remove it by hand.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The lock file's name inside the output folder.
pub const LOCK_FILE: &str = ".claimgraph.lock";

/// How old a lock file with no process id must be before it counts as
/// stale: its owner died between creating it and writing the id.
const EMPTY_GRACE: Duration = Duration::from_secs(10);

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LockError {
    /// Another build holds the lock.
    #[error(
        "{} is held by {}: another claimgraph build is writing into {}; \
         wait for it to finish, or, if no build is running, remove the \
         lock file",
        path.display(),
        owner(*pid),
        path.parent().unwrap_or(Path::new(".")).display()
    )]
    Busy {
        /// The lock file.
        path: PathBuf,
        /// The owner's process id, when the file names one.
        pid: Option<u32>,
    },
    /// The folder to lock is a file (or something else).
    #[error(
        "{}: not a folder, so nothing can be written into it",
        path.display()
    )]
    NotAFolder {
        /// The path given as the folder.
        path: PathBuf,
    },
    /// Something other than a plain file sits at the lock's name: a link,
    /// a folder, a pipe. It is left alone, not followed or opened.
    #[error(
        "{} is not a lock file made by claimgraph (it is a link, a folder \
         or a special file); remove it to build here",
        path.display()
    )]
    NotALock {
        /// The lock's path.
        path: PathBuf,
    },
    /// The lock file or its folder could not be created, read or removed.
    ///
    /// The message holds the system's reason, so it is not also given as
    /// `source()`, which would print it twice in a chain.
    #[error("cannot lock {}: {error}", path.display())]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the operating system said.
        error: io::Error,
    },
}

/// How a lock's owner is named in messages.
fn owner(pid: Option<u32>) -> String {
    match pid {
        Some(pid) => format!("process {pid}"),
        None => "a process that has not written its id yet".to_string(),
    }
}

/// A held lock on an output folder; dropping it removes the lock file.
#[derive(Debug)]
pub struct OutputLock {
    /// The lock file.
    path: PathBuf,
    /// The open lock file, holding the operating-system lock.
    file: File,
    /// True when a stale lock was taken over.
    took_over: bool,
    /// The dead owner's process id, when its lock file named one.
    stale_pid: Option<u32>,
}

impl OutputLock {
    /// Takes the lock on `dir`, creating the folder when missing.
    ///
    /// # Errors
    ///
    /// [`LockError::Busy`] when another running build holds the lock,
    /// [`LockError::NotAFolder`] when `dir` is a file,
    /// [`LockError::NotALock`] when a link or special file sits at the
    /// lock's name, and [`LockError::Io`] when the folder or the file
    /// cannot be used.
    pub fn acquire(dir: &Path) -> Result<OutputLock, LockError> {
        if dir.exists() && !dir.is_dir() {
            return Err(LockError::NotAFolder { path: dir.to_path_buf() });
        }
        let path = dir.join(LOCK_FILE);
        let io_error = |error| LockError::Io { path: path.clone(), error };
        fs::create_dir_all(dir).map_err(io_error)?;
        // A lock file can vanish between two steps (its owner finished);
        // a few tries settle that race.
        for _ in 0..8 {
            match try_create(&path).map_err(io_error)? {
                Some(lock) => return Ok(lock),
                None => {
                    if let Some(lock) = try_take_over(&path)? {
                        return Ok(lock);
                    }
                }
            }
        }
        Err(LockError::Busy { pid: read_pid(&path), path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this lock replaced the stale lock of a build that died;
    /// the caller should mention it.
    pub fn took_over(&self) -> bool {
        self.took_over
    }

    /// The process id of the dead build whose lock this one replaced,
    /// when its lock file named one.
    pub fn stale_owner(&self) -> Option<u32> {
        self.stale_pid
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Remove the file while still holding the operating-system lock,
        // so that no other build can find it unlocked but present.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Creates the lock file if absent; `None` when it exists already.
fn try_create(path: &Path) -> io::Result<Option<OutputLock>> {
    let mut file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    // Nobody else can have the file locked yet, except a build that found
    // it just now and is checking it; that build then sees no id and an
    // age under EMPTY_GRACE, and backs off.
    match file.try_lock() {
        Ok(()) | Err(TryLockError::Error(_)) => {}
        Err(TryLockError::WouldBlock) => return Ok(None),
    }
    write_pid(&mut file)?;
    let path = path.to_path_buf();
    Ok(Some(OutputLock { path, file, took_over: false, stale_pid: None }))
}

/// Takes over the existing lock file at `path` if its owner is gone.
///
/// Returns `Ok(None)` when the file disappeared meanwhile (try again),
/// and [`LockError::Busy`] when its owner is still at work.
fn try_take_over(path: &Path) -> Result<Option<OutputLock>, LockError> {
    let io_error = |error| LockError::Io { path: path.to_path_buf(), error };
    // Opening a link would write our id through it, outside the folder,
    // and opening a pipe would block: look before opening.
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(LockError::NotALock { path: path.to_path_buf() });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(e)),
        Ok(_) => {}
    }
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(e)),
    };
    let os_lock = match file.try_lock() {
        Ok(()) => true,
        Err(TryLockError::WouldBlock) => {
            let pid = read_pid(path);
            return Err(LockError::Busy { path: path.to_path_buf(), pid });
        }
        Err(TryLockError::Error(_)) => false,
    };
    if !still_at(&file, path) {
        // Its owner removed it while we opened it: the folder is free.
        return Ok(None);
    }
    let pid = pid_in(&mut file).map_err(io_error)?;
    let stale = match pid {
        // The id is written only after the operating-system lock is
        // taken, so a free lock with an id means its owner has died.
        Some(_) if os_lock => true,
        Some(pid) => process_running(pid) == Some(false),
        None => is_older_than(&file, EMPTY_GRACE),
    };
    if !stale {
        return Err(LockError::Busy { path: path.to_path_buf(), pid });
    }
    write_pid(&mut file).map_err(io_error)?;
    let path = path.to_path_buf();
    Ok(Some(OutputLock { path, file, took_over: true, stale_pid: pid }))
}

/// Replaces the file's contents with this process's id.
fn write_pid(file: &mut File) -> io::Result<()> {
    file.set_len(0)?;
    file.rewind()?;
    writeln!(file, "{}", std::process::id())?;
    file.sync_all()
}

/// The process id written in an open lock file, if it holds one.
fn pid_in(file: &mut File) -> io::Result<Option<u32>> {
    let mut text = String::new();
    file.rewind()?;
    // A lock file is a few bytes; a big one is not ours to read whole.
    file.take(64).read_to_string(&mut text).ok();
    Ok(text.trim().parse().ok())
}

/// The process id in the lock file at `path`, for messages.
fn read_pid(path: &Path) -> Option<u32> {
    let text = fs::read_to_string(path).ok()?;
    text.trim().parse().ok()
}

/// True when `path` still names the open `file` itself (it was not
/// removed or replaced since it was opened, not even by a link to it).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// True when `path` still names the open `file`; without inode numbers,
/// only that something is still there.
#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// True when the file was last changed more than `age` ago.
fn is_older_than(file: &File, age: Duration) -> bool {
    let modified = file.metadata().and_then(|m| m.modified());
    modified.is_ok_and(|t| t.elapsed().is_ok_and(|e| e > age))
}

/// Whether process `pid` is running: `Some(false)` when `/proc` shows it
/// gone or a zombie, `None` when there is no `/proc` to ask.
fn process_running(pid: u32) -> Option<bool> {
    if !Path::new("/proc/self").exists() {
        return None;
    }
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return Some(false);
    };
    // The state follows the command name, which is in parentheses and
    // may itself hold spaces or parentheses.
    let state =
        stat.rsplit(')').next().and_then(|s| s.split_whitespace().next());
    Some(!matches!(state, Some("Z" | "X")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh, empty folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("claimgraph-lock-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn second_lock_is_refused_and_the_file_goes_with_the_first() {
        let dir = scratch("busy");
        let lock = OutputLock::acquire(&dir).unwrap();
        assert!(!lock.took_over());
        let path = dir.join(LOCK_FILE);
        let me = std::process::id();
        assert_eq!(fs::read_to_string(&path).unwrap(), format!("{me}\n"));
        let err = OutputLock::acquire(&dir).unwrap_err();
        assert!(
            matches!(err, LockError::Busy { pid: Some(p), .. } if p == me)
        );
        let msg = err.to_string();
        assert!(msg.starts_with(&path.display().to_string()), "{msg}");
        assert!(msg.contains("another claimgraph build"), "{msg}");
        drop(lock);
        assert!(!path.exists());
        drop(OutputLock::acquire(&dir).unwrap());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_dead_owners_lock_is_taken_over() {
        let dir = scratch("stale");
        fs::create_dir_all(&dir).unwrap();
        // No process has this id: it is above the largest Linux allows.
        fs::write(dir.join(LOCK_FILE), "4294967\n").unwrap();
        let lock = OutputLock::acquire(&dir).unwrap();
        assert!(lock.took_over());
        assert_eq!(lock.stale_owner(), Some(4_294_967));
        let me = std::process::id().to_string();
        let text = fs::read_to_string(lock.path()).unwrap();
        assert_eq!(text.trim(), me);
        drop(lock);
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_fresh_lock_without_an_id_is_respected() {
        let dir = scratch("empty");
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(LOCK_FILE), "").unwrap();
        let err = OutputLock::acquire(&dir).unwrap_err();
        assert!(matches!(err, LockError::Busy { pid: None, .. }), "{err}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_old_lock_without_an_id_is_stale() {
        let dir = scratch("old-empty");
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join(LOCK_FILE);
        let file = File::create(&path).unwrap();
        let past = std::time::SystemTime::now() - 2 * EMPTY_GRACE;
        file.set_modified(past).unwrap();
        let lock = OutputLock::acquire(&dir).unwrap();
        assert!(lock.took_over());
        assert_eq!(lock.stale_owner(), None);
        drop(lock);
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_locks_name_is_not_followed() {
        let dir = scratch("link");
        fs::create_dir_all(&dir).unwrap();
        let outside = dir.with_extension("outside.txt");
        fs::write(&outside, "an input\n").unwrap();
        // Old enough to pass for a dead build's lock without an id.
        let past = std::time::SystemTime::now() - 2 * EMPTY_GRACE;
        File::options()
            .write(true)
            .open(&outside)
            .unwrap()
            .set_modified(past)
            .unwrap();
        std::os::unix::fs::symlink(&outside, dir.join(LOCK_FILE)).unwrap();
        let err = OutputLock::acquire(&dir).unwrap_err();
        assert!(matches!(err, LockError::NotALock { .. }), "{err}");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "an input\n");
        fs::remove_file(outside).unwrap();
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn running_and_missing_processes_are_told_apart() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        assert_eq!(process_running(std::process::id()), Some(true));
        assert_eq!(process_running(4_294_967), Some(false));
    }
}
