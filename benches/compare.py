#!/usr/bin/env python3
"""depeche side by side with Xapian, SQLite FTS5, tantivy-py and Lucene, through the peer
harness (../shared/peers/run.py), on the dev corpus and the judged sets. One command:

  python3 benches/compare.py                      # everything: peers + depeche, ~30-60 min here
  python3 benches/compare.py --only-depeche       # re-run depeche only, keep the peers' results
  python3 benches/compare.py --sets piaf,ki-title,ki-lede --only-depeche --repeat 1
                                                  # relevance only (what ranking work needs)

Sets (each one run.py invocation, output in OUT/<set>/):
  main      the dev corpus (34,897 articles; id, title, body, date, section, author) and the
            fixed query set benches/queries/orangesum-200.tsv (make_queries.py --n 200
            --seed 7: title words, persons, single terms, two-term ANDs, phrases); its
            known-item qrels score the 60 title-word queries. Timing: --repeat/--warmup.
  piaf      ../shared/relevance/piaf_passages.jsonl, the 3,835 PIAF questions and qrels.
  ki-title  OrangeSum known-item, queries taken from titles: every engine searches the dev
            corpus with the title hidden: lede + body, both in the body field (empty title).
  ki-lede   queries taken from ledes: title + body, the body's first paragraph dropped when
            it repeats the lede (lede hidden).
  ki-title-fields, ki-lede-fields (depeche only, not in `all`): the same queries on the real
            dev corpus (title, lede, body), restricting depeche's searched fields instead
            (DEPECHE_PEER_FIELDS=lede,body / title,body).

Prints (and writes to OUT/summary.md) the tables: indexing docs/s, index size, p50/p99 with
and without snippets (wall and thread CPU), nDCG@10 / MRR@10 / R@100, and MRR@10 /
Success@1 / Success@10 per known-item kind. Builds target/release/depeche first
(--no-build to skip; --depeche BIN to use another binary).
"""
import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("DEPECHE_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
PEERS = os.path.join(SHARED, "peers")
RELEVANCE = os.path.join(SHARED, "relevance")
CORPUS_GZ = os.path.join(SHARED, "corpus", "orangesum-dev.jsonl.gz")
QUERIES = os.path.join(HERE, "queries")

ALL_SETS = ["main", "piaf", "ki-title", "ki-lede"]
EXTRA_SETS = ["ki-title-fields", "ki-lede-fields"]
DEFAULT_PEERS = "xapian,fts5,tantivy,lucene"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def letters(s):
    return "".join(c.lower() for c in s if c.isalnum())


def paragraphs(body):
    return [p.strip() for p in re.split(r"\n\s*\n", body or "") if p.strip()]


def clean_query(text):
    """A query text the harness parses as bare words: no quote (it would open a phrase),
    no bare AND/OR (operators in its syntax), one line."""
    text = re.sub(r"[\"“”«»„]", " ", text.replace("\t", " ").replace("\n", " "))
    return " ".join(w.lower() if w in ("AND", "OR") else w for w in text.split())


def write_jsonl(path, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


# Bumped whenever prepare() writes different inputs, so that kept inputs are made anew.
INPUTS_VERSION = "2"


def prepare(inputs):
    """Corpora, query files and qrels of every set, under `inputs` (kept between runs)."""
    os.makedirs(inputs, exist_ok=True)
    done = os.path.join(inputs, "DONE")
    if os.path.exists(done) and open(done).read().strip() == INPUTS_VERSION:
        return
    log(f"preparing inputs in {inputs} ...")
    articles = []
    with gzip.open(CORPUS_GZ, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                articles.append(json.loads(line))
    keep = ("date", "section", "author")

    def base(a):
        d = {"id": a["id"]}
        d.update({k: a[k] for k in keep if a.get(k)})
        return d

    main = []
    for a in articles:
        d = base(a)
        d["title"], d["body"] = a.get("title") or "", a.get("body") or ""
        if a.get("dup_of"):
            d["dup_of"] = a["dup_of"]
        main.append(d)
    write_jsonl(os.path.join(inputs, "orangesum-dev.jsonl"), main)
    # Known-item, title hidden: lede + body, all in the body (an empty title), so that no
    # engine's title weighting applies to the lede. The lede is not repeated when the body
    # already begins with it.
    rows = []
    for a in articles:
        paras = paragraphs(a.get("body"))
        lede = a.get("lede") or ""
        if lede and not (paras and letters(paras[0]) == letters(lede)):
            paras = [lede] + paras
        rows.append(dict(base(a), title="", body="\n\n".join(paras)))
    write_jsonl(os.path.join(inputs, "ki-title.jsonl"), rows)
    # Known-item, lede hidden: title + body, without a first paragraph repeating the lede.
    dropped = 0
    rows = []
    for a in articles:
        paras = paragraphs(a.get("body"))
        if paras and a.get("lede") and letters(paras[0]) == letters(a["lede"]):
            paras = paras[1:]
            dropped += 1
        rows.append(dict(base(a), title=a.get("title") or "", body="\n\n".join(paras)))
    write_jsonl(os.path.join(inputs, "ki-lede.jsonl"), rows)
    # The real corpus, every field, for the field-restricted variants.
    write_jsonl(os.path.join(inputs, "orangesum-dev-full.jsonl"), articles)
    log(f"  {len(articles)} articles; {dropped} bodies began with their lede (dropped for ki-lede)")

    ki = [json.loads(l) for l in open(os.path.join(RELEVANCE, "orangesum_knownitem_valid.jsonl"), encoding="utf-8") if l.strip()]
    for kind in ("title", "lede"):
        qs = [q for q in ki if q["kind"] == kind]
        with open(os.path.join(inputs, f"ki-{kind}.tsv"), "w", encoding="utf-8") as f:
            for q in qs:
                f.write(f"{q['qid']}\t{clean_query(q['query'])}\n")
        with open(os.path.join(inputs, f"ki-{kind}.qrels"), "w", encoding="utf-8") as f:
            for q in qs:
                for d in q["relevant"]:
                    f.write(f"{q['qid']} 0 {d} 1\n")
    with open(os.path.join(inputs, "piaf.tsv"), "w", encoding="utf-8") as f:
        for l in open(os.path.join(RELEVANCE, "piaf_queries.jsonl"), encoding="utf-8"):
            if l.strip():
                q = json.loads(l)
                f.write(f"{q['qid']}\t{clean_query(q['query'])}\n")
    with open(done, "w") as f:
        f.write(INPUTS_VERSION + "\n")


def main_queries(inputs):
    """The fixed query set of `main` (committed; regenerated only if missing)."""
    tsv = os.path.join(QUERIES, "orangesum-200.tsv")
    qrels = os.path.join(QUERIES, "orangesum-200.qrels")
    if not (os.path.exists(tsv) and os.path.exists(qrels)):
        os.makedirs(QUERIES, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(PEERS, "make_queries.py"), "--corpus",
                        os.path.join(inputs, "orangesum-dev.jsonl"), "--queries", tsv,
                        "--qrels", qrels, "--n", "200", "--seed", "7"], check=True)
    return tsv, qrels


def set_spec(name, inputs):
    """-> (corpus, queries, qrels, depeche fields or None, peers allowed)"""
    if name == "main":
        tsv, qrels = main_queries(inputs)
        return os.path.join(inputs, "orangesum-dev.jsonl"), tsv, qrels, None, True
    if name == "piaf":
        return (os.path.join(RELEVANCE, "piaf_passages.jsonl"), os.path.join(inputs, "piaf.tsv"),
                os.path.join(RELEVANCE, "piaf_qrels.trec"), None, True)
    if name in ("ki-title", "ki-lede"):
        return (os.path.join(inputs, f"{name}.jsonl"), os.path.join(inputs, f"{name}.tsv"),
                os.path.join(inputs, f"{name}.qrels"), None, True)
    if name in ("ki-title-fields", "ki-lede-fields"):
        kind = name.split("-")[1]
        fields = "lede,body" if kind == "title" else "title,body"
        return (os.path.join(inputs, "orangesum-dev-full.jsonl"), os.path.join(inputs, f"ki-{kind}.tsv"),
                os.path.join(inputs, f"ki-{kind}.qrels"), fields, False)
    raise SystemExit(f"unknown set {name!r} (sets: {', '.join(ALL_SETS + EXTRA_SETS)})")


def run_set(name, out, inputs, peers, depeche, repeat, warmup, threads, skip_index):
    corpus, queries, qrels, fields, peers_ok = set_spec(name, inputs)
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    peers = peers if peers_ok else ""
    cmd = f"{depeche} peer-worker"
    if fields:
        cmd = f"env DEPECHE_PEER_FIELDS={fields} {cmd}"
    argv = [sys.executable, os.path.join(PEERS, "run.py"), "--corpus", corpus, "--queries", queries,
            "--qrels", qrels, "--out", d, "--peers", peers, "--peer-cmd", f"depeche={cmd}",
            "--repeat", str(repeat), "--warmup", str(warmup), "--threads", str(threads)]
    if skip_index:
        argv.append("--skip-index")
    log(f"== {name}: {' '.join(argv[1:])}")
    t0 = time.time()
    rc = subprocess.run(argv).returncode
    log(f"== {name}: run.py exited {rc} after {time.time() - t0:.0f}s")
    res_path = os.path.join(d, "results.json")
    if not os.path.exists(res_path):
        return
    with open(res_path, encoding="utf-8") as f:
        fresh = json.load(f)["results"]
    # Merge into the set's cumulative results, so depeche can be re-run alone.
    cum_path = os.path.join(d, "all-results.json")
    cum = {}
    if os.path.exists(cum_path):
        with open(cum_path, encoding="utf-8") as f:
            cum = json.load(f)
    for peer, r in fresh.items():
        r["measured_at"] = datetime.datetime.now().isoformat(timespec="seconds")
        cum[peer] = r
    with open(cum_path, "w", encoding="utf-8") as f:
        json.dump(cum, f, indent=1, ensure_ascii=False)


def success(qrels_path, run_path):
    """MRR@10, Success@1, Success@10 (fractions of judged queries), and their count."""
    sys.path.insert(0, PEERS)
    import score  # noqa: E402
    qrels = score.load_qrels(qrels_path)
    run = score.load_run(run_path) if os.path.exists(run_path) else {}
    s1 = s10 = mrr = 0.0
    for qid, rel in qrels.items():
        ranking = run.get(qid, [])[:10]
        first = next((i for i, d in enumerate(ranking) if rel.get(d, 0) > 0), None)
        if first is not None:
            mrr += 1.0 / (first + 1)
            s10 += 1
            s1 += first == 0
    n = len(qrels) or 1
    return {"mrr@10": mrr / n, "s@1": s1 / n, "s@10": s10 / n, "n": len(qrels)}


def f(x, nd=0):
    if x is None or (isinstance(x, float) and x != x):
        return "–"
    return f"{x:,.{nd}f}"


def load(out, name):
    p = os.path.join(out, name, "all-results.json")
    if not os.path.exists(p):
        return {}
    with open(p, encoding="utf-8") as fh:
        return json.load(fh)


def order(results):
    names = [n for n in results if n != "depeche"]
    return (["depeche"] if "depeche" in results else []) + names


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = float("nan")
    return f"{os.cpu_count()} vCPU {cpu}, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}"


def commit():
    """The checkout's commit, `+dirty` when crates/ has uncommitted changes."""
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "crates", "index-schema"],
                               capture_output=True, text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def tables(out, inputs, started, load_before):
    lines = []
    now = datetime.datetime.now()
    la = os.getloadavg()
    lines.append(f"Run of `benches/compare.py` (depeche at {commit()}) finished {now:%Y-%m-%d %H:%M} on {machine()}; "
                 f"1-min load average {load_before:.1f} at the start, {la[0]:.1f} at the end "
                 f"(the machine is shared: compare ratios).")
    main = load(out, "main")
    if main:
        r0 = next(iter(main.values()))
        lines.append("")
        lines.append("**Dev corpus** (34,897 OrangeSum articles: id, title, body), 200 fixed queries "
                     "(`benches/queries/orangesum-200.tsv`), single-threaded queries, top 10; "
                     "`+snip` = top 10 with one body snippet per hit. Latencies in µs; cpu = the "
                     "searching thread's CPU time. nDCG@10 / MRR@10 on the 60 title-word known-item "
                     "queries (copies count as relevant).")
        lines.append("")
        lines.append("| engine | docs/s | index s | index MiB | p50 | p99 | +snip p50 | +snip p99 "
                     "| cpu p50 | +snip cpu p50 | nDCG@10 | MRR@10 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in order(main):
            r = main[n]
            if "error" in r:
                lines.append(f"| {n} | {r['error']} |" + " |" * 11)
                continue
            ix = r.get("index") or {}
            docs, secs = ix.get("docs"), ix.get("index_seconds")
            e = r.get("eval") or {}
            lines.append(
                f"| {n} | {f(docs / secs if docs and secs else None)} | {f(secs, 1)} "
                f"| {f(r.get('index_bytes', 0) / 2**20, 1)} | {f(r['ids'].get('p50'))} | {f(r['ids'].get('p99'))} "
                f"| {f(r['snip'].get('p50'))} | {f(r['snip'].get('p99'))} | {f(r.get('ids_cpu', {}).get('p50'))} "
                f"| {f(r.get('snip_cpu', {}).get('p50'))} | {f(e.get('ndcg@10'), 3)} | {f(e.get('mrr@10'), 3)} |")
        lines.append("")
        idx_threads = {n: (main[n].get("index") or {}).get("notes", "") for n in order(main)}
        if idx_threads.get("depeche"):
            m = None
            rep = os.path.join(out, "main", "report.md")
            if os.path.exists(rep):
                m = re.search(r"(\d+) indexing thread\(s\)", open(rep, encoding="utf-8").read())
            asked = f"{m.group(1)} indexing thread(s)" if m else "the same indexing threads"
            lines.append(f"Indexing: {asked} requested of every engine; depeche's notes: "
                         f"{idx_threads['depeche']}. Index CPU seconds: "
                         + ", ".join(f"{n} {f(main[n].get('index_cpu_s'), 1)}" for n in order(main)
                                     if main[n].get("index_cpu_s")) + ".")
    piaf, kt, kl = load(out, "piaf"), load(out, "ki-title"), load(out, "ki-lede")
    if piaf or kt or kl:
        lines.append("")
        lines.append("**Relevance.** PIAF: 761 passages, 3,835 questions (words OR-ed). OrangeSum "
                     "known-item: 1,500 title and 1,500 lede queries over the 34,897 articles, the "
                     "query's own field hidden (see `benches/compare.py`); MRR@10, Success@1, Success@10.")
        lines.append("")
        lines.append("| engine | PIAF nDCG@10 | PIAF MRR@10 | PIAF R@100 | title→ MRR@10 | S@1 | S@10 "
                     "| lede→ MRR@10 | S@1 | S@10 |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        names = order({**piaf, **kt, **kl})
        for n in names:
            row = [n]
            e = (piaf.get(n) or {}).get("eval") or {}
            row += [f(e.get("ndcg@10"), 3), f(e.get("mrr@10"), 3), f(e.get("recall@100"), 3)]
            for name, res in (("ki-title", kt), ("ki-lede", kl)):
                if n in res and "error" not in res[n]:
                    _, _, qrels, _, _ = set_spec(name, inputs)
                    s = success(qrels, os.path.join(out, name, f"{n}.run"))
                    row += [f(s["mrr@10"], 3), f(s["s@1"], 3), f(s["s@10"], 3)]
                else:
                    row += ["–"] * 3
            lines.append("| " + " | ".join(row) + " |")
    for name in EXTRA_SETS:
        res = load(out, name)
        if "depeche" in res:
            _, _, qrels, fields, _ = set_spec(name, inputs)
            s = success(qrels, os.path.join(out, name, "depeche.run"))
            lines.append("")
            lines.append(f"`{name}` (real corpus, depeche searching {fields} only): MRR@10 "
                         f"{s['mrr@10']:.3f}, S@1 {s['s@1']:.3f}, S@10 {s['s@10']:.3f} ({s['n']} queries).")
    lines.append("")
    lines.append(f"Total time {time.time() - started:.0f}s. Raw outputs: `{out}/<set>/` "
                 "(report.md, results.json, runs, snippets, logs).")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.environ.get("DEPECHE_COMPARE_OUT", "/tmp/depeche-compare"))
    ap.add_argument("--sets", default=",".join(ALL_SETS),
                    help=f"comma-separated, of {', '.join(ALL_SETS + EXTRA_SETS)}")
    ap.add_argument("--peers", default=DEFAULT_PEERS, help="peers run beside depeche")
    ap.add_argument("--only-depeche", action="store_true", help="run depeche alone (peers' results kept)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per query (main set)")
    ap.add_argument("--warmup", type=int, default=2, help="warm-up passes (main set)")
    ap.add_argument("--relevance-repeat", type=int, default=1,
                    help="timed runs per query of the other sets (no warm-up: relevance is what counts)")
    ap.add_argument("--threads", type=int, default=1, help="indexing threads")
    ap.add_argument("--skip-index", action="store_true", help="reuse the indexes of a previous run")
    ap.add_argument("--depeche", help="depeche binary (default: target/release/depeche, built first)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--table-only", action="store_true", help="print the tables of a previous run")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(PEERS, "run.py")):
        log(f"the peer harness is not at {PEERS} (set DEPECHE_SHARED): nothing to compare")
        return 2
    started, load_before = time.time(), os.getloadavg()[0]
    out = os.path.abspath(a.out)
    inputs = os.path.join(out, "inputs")
    prepare(inputs)
    if not a.table_only:
        depeche = a.depeche
        if not depeche:
            target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
            depeche = os.path.join(target, "release", "depeche")
            if not a.no_build:
                subprocess.run(["cargo", "build", "--release", "-q", "-p", "depeche-cli"], cwd=ROOT, check=True)
        depeche = os.path.abspath(depeche)
        if not shutil.which(depeche):
            log(f"no depeche binary at {depeche}")
            return 2
        peers = "" if a.only_depeche else a.peers
        for name in [s.strip() for s in a.sets.split(",") if s.strip()]:
            main_set = name == "main"
            run_set(name, out, inputs, peers, depeche,
                    a.repeat if main_set else a.relevance_repeat,
                    a.warmup if main_set else 0, a.threads, a.skip_index)
    report = tables(out, inputs, started, load_before)
    with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as fh:
        fh.write(report + "\n")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
