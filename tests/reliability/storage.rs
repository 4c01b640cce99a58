//! The index's storage failing: a full disk, a file size limit, a read-only or unwritable index
//! folder. Each time: exit code 2, a message that says what happened, and the previous commit
//! intact (it opens and answers with the old count). And a schema change on an existing index:
//! a message asking for `--rebuild`, never an answer from the wrong schema.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{
    Output, depeche, depeche_unprivileged, is_root, open_ancestors, run, search_total, secs,
    stats_count, write_feed,
};

/// An index with the 3 dispatches of `small/`, committed; `big/` holds 30,000 more.
fn setup(root: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let (small, big, idx) = (root.join("small"), root.join("big"), root.join("idx"));
    write_feed(&small, "petit", 3);
    write_feed(&big, "gros", 30_000);
    (small, big, idx)
}

fn first_commit(small: &Path, idx: &Path) {
    let out = run(depeche().arg("index").arg(small).arg("--index").arg(idx), secs(60));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(stats_count(idx), 3);
}

fn index_cmd(mut cmd: Command, src: &Path, idx: &Path) -> Command {
    cmd.arg("index").arg(src).arg("--index").arg(idx).args(["--threads", "1", "--memory", "32"]);
    cmd
}

/// Exit code 2 with `needles` in the message, and the old commit still answering.
fn assert_failed_cleanly(out: &Output, needles: &[&str], idx: &Path) {
    assert_eq!(out.code, Some(2), "{out:?}");
    for needle in needles {
        assert!(out.stderr.contains(needle), "{needle:?} not in {:?}", out.stderr);
    }
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(!out.stderr.contains("locked by another writer"), "{}", out.stderr);
    assert_eq!(stats_count(idx), 3, "the previous commit");
    assert_eq!(search_total(idx, "blé"), 3);
}

/// A mount that is undone when the test ends, however it ends.
struct Mount(PathBuf);

impl Mount {
    fn new(args: &[&str], target: &Path) -> Option<Mount> {
        let ok = Command::new("mount").args(args).arg(target).status().is_ok_and(|s| s.success());
        ok.then(|| Mount(target.to_path_buf()))
    }

    fn remount(&self, options: &str) {
        let status = Command::new("mount").args(["-o", options]).arg(&self.0).status().unwrap();
        assert!(status.success(), "remount {options}");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn full_disk_fails_clearly_keeps_the_last_commit_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, big, _) = setup(tmp.path());
    let disk = tmp.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let mount = is_root().then(|| Mount::new(&["-t", "tmpfs", "-o", "size=3m", "tmpfs"], &disk));
    let Some(Some(mount)) = mount else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root); see the size-limit test");
        return;
    };
    let idx = disk.join("idx");
    first_commit(&small, &idx);
    let out = run(&mut index_cmd(depeche(), &big, &idx), secs(300));
    assert_failed_cleanly(&out, &["no space left on device", "previous commit is intact"], &idx);

    // Room again: the same run completes.
    mount.remount("remount,size=256m");
    let out = run(&mut index_cmd(depeche(), &big, &idx), secs(300));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(stats_count(&idx), 30_003);
}

#[test]
fn file_size_limit_fails_clearly_and_keeps_the_last_commit() {
    if Command::new("prlimit").arg("--version").output().is_err() {
        eprintln!("skipped: prlimit (util-linux) is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (small, big, idx) = setup(tmp.path());
    first_commit(&small, &idx);
    // RLIMIT_FSIZE: writes past 1 MB fail with EFBIG (SIGXFSZ ignored, as a shell trap does).
    let mut cmd = Command::new("sh");
    cmd.args(["-c", "trap '' XFSZ; exec prlimit --fsize=1000000 \"$@\"", "sh"]);
    cmd.arg(super::depeche_bin());
    let out = run(&mut index_cmd(cmd, &big, &idx), secs(300));
    assert_failed_cleanly(
        &out,
        &["cannot write the index at", "previous commit is intact", "File too large"],
        &idx,
    );
    let out = run(&mut index_cmd(depeche(), &big, &idx), secs(300));
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(stats_count(&idx), 30_003);
}

#[test]
fn read_only_index_folder_fails_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let (small, big, idx) = setup(tmp.path());
    first_commit(&small, &idx);

    // Not writable for the child: folder and files without write permission (and, for root,
    // a child running as nobody, which does not own them either).
    if let Some(cmd) = depeche_unprivileged() {
        open_ancestors(&idx);
        for p in std::iter::once(tmp.path().to_path_buf())
            .chain(["small", "big"].iter().map(|d| tmp.path().join(d)))
        {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let mode = |p: &Path, m| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
        for entry in std::fs::read_dir(&idx).unwrap() {
            mode(&entry.unwrap().path(), 0o444).unwrap();
        }
        mode(&idx, 0o555).unwrap();
        let out = run(&mut index_cmd(cmd, &big, &idx), secs(120));
        mode(&idx, 0o755).unwrap();
        for entry in std::fs::read_dir(&idx).unwrap() {
            mode(&entry.unwrap().path(), 0o644).unwrap();
        }
        assert_failed_cleanly(&out, &["cannot write the index at", "Permission denied"], &idx);
    }

    // A read-only file system (a read-only bind mount), which even root cannot write.
    if is_root() {
        let Some(mount) = Mount::new(&["--bind", idx.to_str().unwrap()], &idx) else {
            eprintln!("skipped: cannot bind-mount here");
            return;
        };
        mount.remount("remount,bind,ro");
        let out = run(&mut index_cmd(depeche(), &big, &idx), secs(120));
        drop(mount);
        assert_failed_cleanly(&out, &["cannot write the index at", "Read-only file system"], &idx);
    }
}

#[test]
fn schema_change_asks_for_a_rebuild_and_never_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, _, idx) = setup(tmp.path());
    first_commit(&small, &idx);
    // The same schema with its version bumped, as a field change requires.
    let schema = include_str!("../../index-schema/dispatches.toml");
    let bumped = tmp.path().join("dispatches-bumped.toml");
    std::fs::write(&bumped, crate::index::bump_version(schema)).unwrap();

    for args in [&["search", "blé"][..], &["stats"], &["index", "small"]] {
        let mut cmd = depeche();
        cmd.current_dir(tmp.path())
            .args(args)
            .arg("--index")
            .arg(&idx)
            .arg("--schema")
            .arg(&bumped);
        let out = run(&mut cmd, secs(60));
        assert_eq!(out.code, Some(2), "{args:?}: {out:?}");
        assert!(out.stderr.contains("--rebuild"), "{args:?}: {:?}", out.stderr);
        assert!(out.stdout.trim().is_empty(), "{args:?} answered: {}", out.stdout);
    }
    // Refused runs changed nothing; the old schema still reads the index.
    assert_eq!(stats_count(&idx), 3);

    let out = run(
        depeche()
            .arg("index")
            .arg(&small)
            .arg("--index")
            .arg(&idx)
            .arg("--rebuild")
            .arg("--schema")
            .arg(&bumped),
        secs(60),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    let out = run(
        depeche()
            .args(["search", "--json", "blé", "--index"])
            .arg(&idx)
            .arg("--schema")
            .arg(&bumped),
        secs(60),
    );
    assert_eq!(out.code, Some(0), "{out:?}");
    assert_eq!(out.json()["total"].as_u64(), Some(3));
    // And now the old schema is the one refused.
    let out = run(depeche().args(["search", "blé", "--index"]).arg(&idx), secs(60));
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("--rebuild"), "{}", out.stderr);
}
