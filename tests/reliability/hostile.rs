//! A folder of hostile files indexed together with good ones: every good dispatch indexed,
//! every bad file reported with its path and reason (summary and `--json`), exit code 1, no
//! panic, no hang.
//!
//! Committed fixtures (`tests/data/hostile/`): empty, PNG, ELF, truncated HTML, invalid UTF-8
//! in the middle of a text, undeclared windows-1252, NDJSON with one broken line, a name with
//! spaces, a gzip cut in half. Generated here: a 50 MB text, a JSON array of 10,000 dispatches,
//! HTML nested 100,000 deep, an unreadable file, a symlink loop, a dangling link, non-UTF-8
//! names, and a file deleted while the run goes on.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use depeche_tests::data_dir;

use super::{
    Watched, depeche, depeche_unprivileged, hand_over, run, search_total, secs, stored_dispatches,
};

const ARRAY_LEN: usize = 10_000;

fn json_dispatch(id: &str, title: &str, body: &str) -> String {
    serde_json::json!({"id": id, "title": title, "body": body}).to_string()
}

/// Builds the hostile folder; returns whether an unreadable file was planted (it can only be
/// when the child runs without root's privileges).
fn build_folder(src: &Path, unprivileged: bool) -> bool {
    std::fs::create_dir_all(src.join("sub")).unwrap();
    for entry in std::fs::read_dir(data_dir().join("hostile")).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), src.join(entry.file_name())).unwrap();
        }
    }
    // The PNG under a name that does not say image: read, found binary, reported.
    std::fs::copy(data_dir().join("hostile/image.png"), src.join("scan.dat")).unwrap();
    // 50 MB of plain text: over the 20 MiB default cap.
    let line = "Ligne de remplissage d'un fichier texte de cinquante mégaoctets.\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(src.join("big.txt"), big).unwrap();
    // A JSON array of 10,000 dispatches.
    let items: Vec<String> = (0..ARRAY_LEN)
        .map(|i| {
            json_dispatch(
                &format!("hostile-array-{i:05}"),
                &format!("Conseil municipal numéro {i} : le budget est voté"),
                &format!("Les élus de la commune {i} ont adopté le budget primitif par {i} voix."),
            )
        })
        .collect();
    std::fs::write(src.join("array-10000.json"), format!("[{}]", items.join(",\n"))).unwrap();
    // HTML nested 100,000 levels deep.
    let depth = 100_000;
    let deep = format!(
        "<!DOCTYPE html><html><head><title>Profondeur</title></head><body>{}<p>Un paragraphe \
         enfoui sous cent mille balises imbriquées, pour vérifier que le lecteur tient.</p>{}\
         </body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(src.join("deep.html"), deep).unwrap();
    // A symlink loop and a dangling link.
    std::os::unix::fs::symlink("..", src.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("nulle-part.json", src.join("dangling.json")).unwrap();
    // Names that are not UTF-8 (Latin-1 bytes), a file and a folder.
    let latin1 = src.join(OsStr::from_bytes(b"d\xe9p\xeache.json"));
    std::fs::write(
        &latin1,
        json_dispatch(
            "hostile-latin1-name",
            "Un nom de fichier en Latin-1",
            "Le nom de ce fichier n'est pas de l'UTF-8 valide.",
        ),
    )
    .unwrap();
    let dir = src.join(OsStr::from_bytes(b"dossier-\xff"));
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("interne.json"),
        json_dispatch(
            "hostile-latin1-dir",
            "Un dossier au nom invalide",
            "Ce fichier vit dans un dossier dont le nom n'est pas de l'UTF-8.",
        ),
    )
    .unwrap();
    // Deleted while the run goes on (see the test); last in walk order.
    std::fs::write(
        src.join("zz-vanishing.json"),
        json_dispatch(
            "hostile-vanishing",
            "Disparu",
            "Ce fichier est supprimé pendant la lecture.",
        ),
    )
    .unwrap();
    // Unreadable: only meaningful for a child that cannot bypass permissions.
    if unprivileged {
        use std::os::unix::fs::PermissionsExt;
        let p = src.join("unreadable.json");
        std::fs::write(&p, json_dispatch("hostile-secret", "Secret", "Personne ne lit ceci."))
            .unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    unprivileged
}

fn name_of(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_owned()
}

#[test]
fn hostile_folder_is_indexed_and_every_bad_file_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, idx) = (tmp.path().join("src"), tmp.path().join("idx"));
    let unprivileged = depeche_unprivileged();
    let planted = build_folder(&src, unprivileged.is_some());
    std::fs::create_dir(&idx).unwrap();
    hand_over(tmp.path());
    let mut cmd = unprivileged.unwrap_or_else(depeche);
    cmd.arg("index").arg(&src).arg("--index").arg(&idx).args(["--json", "--threads", "1"]);

    // Delete a file once the walk has listed it: the reader is still busy with the 10,000
    // dispatches of the array (one worker) when the file goes.
    let mut child = Watched::spawn(&mut cmd);
    child.wait_for("files to read", secs(120));
    std::fs::remove_file(src.join("zz-vanishing.json")).unwrap();
    let out = child.finish(secs(240));
    assert_eq!(out.code, Some(1), "exit code 1 when input was skipped: {out:?}");
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    let summary = out.json();

    // Skipped files, by name: reason and record.
    let mut skipped: BTreeMap<String, (String, Option<u64>)> = BTreeMap::new();
    for s in summary["skipped"].as_array().unwrap() {
        let (path, reason) = (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap());
        let message = s["message"].as_str().unwrap();
        assert!(message.contains(&name_of(path)), "the message names the file: {s}");
        skipped.insert(name_of(path), (reason.to_owned(), s["record"].as_u64()));
    }
    let gz_line = match skipped.get("truncated.jsonl.gz") {
        Some((reason, Some(line))) if reason == "unreadable" => *line,
        other => panic!("truncated gzip: {other:?}"),
    };
    let deep_skipped = skipped.remove("deep.html").is_some();
    let mut expected: BTreeMap<&str, (&str, Option<u64>)> = BTreeMap::from([
        ("empty.txt", ("empty", None)),
        ("scan.dat", ("binary", None)),
        ("program.elf", ("binary", None)),
        ("big.txt", ("too-large", None)),
        ("broken-line.jsonl", ("parse-error", Some(2))),
        ("truncated.jsonl.gz", ("unreadable", Some(gz_line))),
        ("loop", ("symlink-loop", None)),
        ("dangling.json", ("unreadable", None)),
        ("zz-vanishing.json", ("unreadable", None)),
    ]);
    if planted {
        expected.insert("unreadable.json", ("unreadable", None));
    }
    let got: BTreeMap<&str, (&str, Option<u64>)> =
        skipped.iter().map(|(k, (r, n))| (k.as_str(), (r.as_str(), *n))).collect();
    assert_eq!(got, expected);
    // An image by its name is no dispatch: ignored, and said so.
    let ignored: Vec<(String, &str)> = summary["ignored"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (name_of(i["path"].as_str().unwrap()), i["reason"].as_str().unwrap()))
        .collect();
    assert!(ignored.contains(&("image.png".into(), "page asset or media file")), "{ignored:?}");

    // Every good dispatch is searchable.
    let stored = stored_dispatches(&idx);
    let ids: BTreeSet<&str> = stored.iter().map(|s| s.id.as_str()).collect();
    let titles: BTreeSet<&str> = stored.iter().map(|s| s.title.as_str()).collect();
    let array = (0..ARRAY_LEN).filter(|i| ids.contains(&*format!("hostile-array-{i:05}"))).count();
    assert_eq!(array, ARRAY_LEN, "the JSON array");
    for id in [
        "hostile-nd-1",
        "hostile-nd-3",
        "hostile-spaces",
        "hostile-latin1-name",
        "hostile-latin1-dir",
    ] {
        assert!(ids.contains(id), "{id} missing");
    }
    for id in ["hostile-nd-2", "hostile-secret", "hostile-vanishing"] {
        assert!(!ids.contains(id), "{id} should not be indexed");
    }
    let gz = (0..gz_line - 1).filter(|i| ids.contains(&*format!("hostile-gz-{i}"))).count();
    assert_eq!(gz as u64, gz_line - 1, "the gzip lines before the cut");
    for title in [
        "Grève à la SNCF : trafic très perturbé jeudi en Île-de-France",
        "La Banque de France relève sa prévision de croissance",
        "Crue de la Loire : Orléans évacue les quais",
    ] {
        assert!(titles.contains(title), "{title:?} missing");
    }
    let latin1 = stored.iter().find(|s| s.id == "hostile-latin1-name").unwrap();
    assert!(latin1.source.ends_with("d\\xE9p\\xEAche.json"), "{}", latin1.source);
    let expected_total = ARRAY_LEN as u64 + 5 + 3 + (gz_line - 1) + u64::from(!deep_skipped);
    assert_eq!(stored.len() as u64, expected_total);
    assert_eq!(summary["total"].as_u64(), Some(expected_total));
    assert_eq!(summary["indexed"].as_u64(), Some(expected_total));

    // The text around the bad bytes and the windows-1252 accents are searchable.
    assert_eq!(search_total(&idx, "ralentissement inflation économistes"), 1);
    assert_eq!(search_total(&idx, "grève contrôleurs"), 1);
    assert_eq!(search_total(&idx, "\"pluies diluviennes\""), 1);

    // The same folder again, from scratch, with the human summary: grouped by reason.
    hand_over(tmp.path());
    let mut cmd = depeche_unprivileged().unwrap_or_else(depeche);
    cmd.arg("index").arg(&src).arg("--index").arg(&idx).arg("--rebuild");
    let out = run(&mut cmd, secs(240));
    assert_eq!(out.code, Some(1), "{out:?}");
    let first = out.stderr.lines().find(|l| l.contains(" indexed, ")).unwrap_or_default();
    assert!(first.starts_with(&format!("{expected_total} indexed")), "{}", out.stderr);
    for needle in [
        "skipped (binary): 2",
        "scan.dat: binary content (PNG image)",
        "program.elf: binary content (ELF executable)",
        "skipped (too-large): 1",
        "big.txt: too large",
        "skipped (empty): 1",
        "skipped (parse-error): 1",
        "broken-line.jsonl:2: parse error",
        "skipped (symlink-loop): 1",
        "skipped (unreadable):",
        "page asset or media file",
    ] {
        assert!(out.stderr.contains(needle), "{needle:?} not in:\n{}", out.stderr);
    }
}

/// A file deleted while the walk is under way (after its folder was listed, before the walk
/// reached it) is reported with its path, the others are walked; no panic.
#[test]
fn file_deleted_during_the_walk_is_reported() {
    use depeche_ingest::{WalkEntry, Walker};
    let tmp = tempfile::tempdir().unwrap();
    for name in ["a.json", "b.json", "c.json"] {
        std::fs::write(tmp.path().join(name), "{}").unwrap();
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in Walker::new([tmp.path()]).iter() {
        match entry {
            WalkEntry::File(f) => {
                if files.is_empty() {
                    std::fs::remove_file(tmp.path().join("b.json")).unwrap();
                }
                files.push(name_of(&f.path.to_string_lossy()));
            }
            WalkEntry::Error(e) => {
                errors.push((name_of(&e.path().to_string_lossy()), e.kind().reason()))
            }
            WalkEntry::Ignored { .. } => {}
        }
    }
    assert_eq!(files, ["a.json", "c.json"]);
    assert_eq!(errors, [("b.json".to_owned(), "unreadable")]);
}

/// `depeche … --json | head`: the reader leaving early ends the run quietly, exit 0, as for
/// the text output (serde_json wraps the broken-pipe error, which hid it).
#[test]
fn closed_pipe_ends_the_run_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = depeche()
        .args(["ingest", "--json"])
        .arg(data_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start depeche ingest");
    let mut first = [0u8; 1];
    child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
    // The stdout handle is dropped here: the pipe is closed with most of the JSON unwritten.
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("stderr");
    let status = child.wait().expect("wait");
    assert_eq!(first[0], b'[');
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("Broken pipe") && !stderr.contains("depeche:"), "{stderr}");
}
