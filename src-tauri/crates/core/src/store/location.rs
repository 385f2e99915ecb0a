//! Where the directory file lives. SQLite's WAL needs memory shared between every process that
//! opens the file, which a network share (NFS, SMB/CIFS, sshfs...) cannot give, and its locks are
//! unreliable there: two officers on one shared file would corrupt it. So a file on a network
//! share is refused, with a sentence saying why and what to do.

use std::path::Path;

use crate::error::{CoreError, Result};

/// File systems that are network shares, as Linux names them in /proc/self/mountinfo.
const NETWORK: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "fuse.glusterfs",
    "davfs",
    "fuse.davfs2",
];

/// The file system type of the mount holding `path`, from the text of /proc/self/mountinfo:
/// the longest mount point that is a prefix of the path.
pub fn filesystem_of(mountinfo: &str, path: &Path) -> Option<String> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let mount_point = unescape(fields.get(4)?);
            let dash = fields.iter().position(|f| *f == "-")?;
            let fstype = fields.get(dash + 1)?;
            path.starts_with(&mount_point)
                .then(|| (mount_point.len(), fstype.to_string()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fstype)| fstype)
}

/// mountinfo writes spaces and other awkward characters as octal escapes (`\040`).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let code: String = chars.by_ref().take(3).collect();
            match u8::from_str_radix(&code, 8) {
                Ok(b) => out.push(b as char),
                Err(_) => {
                    out.push('\\');
                    out.push_str(&code);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Refuses a directory file on a network share. Where the system cannot say (not Linux, or the
/// folder does not exist yet), the file is allowed.
pub fn refuse_network_share(path: &Path) -> Result<()> {
    let Ok(mountinfo) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return Ok(());
    };
    // The nearest existing folder, made absolute, is what the mount table knows.
    let Some(existing) = path.ancestors().find(|a| a.exists()) else {
        return Ok(());
    };
    let Ok(absolute) = existing.canonicalize() else {
        return Ok(());
    };
    match filesystem_of(&mountinfo, &absolute) {
        Some(fs) if NETWORK.contains(&fs.as_str()) => Err(CoreError::Conflict(format!(
            "{} is on a network share ({fs}). The directory file must be on this computer's own \
             disk: SQLite cannot keep a file safe over a network share, and two people using it \
             at once could damage it. Choose a folder on this computer (for example the default, \
             by leaving out --db), and share exports instead.",
            path.display()
        ))),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
40 22 0:35 / /home rw,relatime shared:20 - ext4 /dev/vdb1 rw
41 40 0:36 / /home/cvs/Shared\\040Drive rw,relatime shared:21 - cifs //nas/cvs rw,vers=3.0
42 22 0:37 / /mnt/office rw,relatime shared:22 - nfs4 nas:/export rw
43 22 0:38 / /tmp rw,nosuid shared:23 - tmpfs tmpfs rw";

    #[test]
    fn the_longest_mount_point_holding_the_path_names_its_file_system() {
        let fs = |p: &str| filesystem_of(MOUNTINFO, Path::new(p));
        assert_eq!(fs("/home/cvs/directory.sqlite3").as_deref(), Some("ext4"));
        assert_eq!(
            fs("/home/cvs/Shared Drive/directory.sqlite3").as_deref(),
            Some("cifs")
        );
        assert_eq!(fs("/mnt/office/d.sqlite3").as_deref(), Some("nfs4"));
        // A name that only starts like a mount point is not under it.
        assert_eq!(fs("/mnt/officework/d.sqlite3").as_deref(), Some("ext4"));
        assert_eq!(fs("/tmp/d.sqlite3").as_deref(), Some("tmpfs"));
    }

    #[test]
    fn a_local_folder_is_allowed() {
        let dir = tempfile::tempdir().unwrap();
        refuse_network_share(&dir.path().join("new/d.sqlite3")).unwrap();
    }
}
