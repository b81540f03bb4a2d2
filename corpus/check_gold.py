#!/usr/bin/env python3
"""Mechanical check of the real-coverage corpus (manifests, texts, gold alignments).

Usage:  python3 corpus/check_gold.py [--quiet] [GOLD_FILE ...]

Checks (ERROR = must fix, WARN = look at it):
  manifests   every report has a text file whose sha256 matches; ids are <event>.<outlet>-<lang>
  gold files  a/b are known report ids and the file is named <a>__<b>.toml;
              link kinds are near|paraphrase|translation, alone kinds unique|clutter;
              1-2 cues per link side; every cue occurs exactly once in its text;
              cues on one side do not overlap and no cue is used twice;
              cue length 4-10 words (WARN if shorter, ERROR if longer);
              heuristic sentence coverage: the text is split at line breaks and sentence ends,
              and each segment should hold exactly one cue (WARN, the splitter is naive).
  quotes      gold/quotes/<report>.toml: the report is known; kinds statement|term; every cue
              occurs once in its text (whitespace runs equal); statements carry a statement id
              (WARN when a statement has no speaker); ids shared across reports are counted
  provenance  gold/provenance/<event>.toml: one file per event; each story's reports are known,
              of its language, in no other story; every shared cue is in two of its reports or more
  facts       gold/facts/<a>__<b>.toml: an alignment gold file of the same name exists; kinds
              number|date|weekday|name (discrepancy) and spelling|abbreviation|metonym|possessive|
              format|framing (same); every cue occurs once, every value lies in its side's text
Prints counts per event (reports, languages, outlets) and per gold file (links by kind, alone).
Exit status 1 if any ERROR.
"""
import hashlib
import pathlib
import re
import sys
import tomllib
from collections import Counter, defaultdict

ROOT = pathlib.Path(__file__).resolve().parent
TEXTS = ROOT / "texts"
MANIFESTS = ROOT / "manifest"
GOLD = ROOT / "gold" / "alignment"

LINK_KINDS = {"near", "paraphrase", "translation"}
ALONE_KINDS = {"unique", "clutter"}
REPORT_KINDS = {"wire", "wire-edit", "rewrite", "translation"}

errors = 0
warnings = 0
quiet = "--quiet" in sys.argv


def err(msg):
    global errors
    errors += 1
    print("ERROR  " + msg)


def warn(msg):
    global warnings
    warnings += 1
    if not quiet:
        print("WARN   " + msg)


def occurrences(text, cue):
    """Start offsets of cue in text (overlapping matches counted)."""
    out, i = [], text.find(cue)
    while i != -1:
        out.append(i)
        i = text.find(cue, i + 1)
    return out


# sentence end (optionally followed by closing quotes), a line break, or the end of the
# " date 2023-02-06 " prefix that the pages corpus puts before some texts
SENT_END = re.compile(r"(?<=[.!?؟…])[\"'”»’)\]]*\s+|\n+|(?<=^ date \d{4}-\d{2})(?:-\d{2})? ")


def segments(text):
    """Naive sentence segments as (start, end) spans with at least one letter."""
    spans, start = [], 0
    for m in SENT_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        if re.search(r"\w", seg):
            out.append((s, e))
    return out


# ---------------------------------------------------------------- manifests
reports = {}
for mf in sorted(MANIFESTS.glob("*.toml")):
    try:
        data = tomllib.loads(mf.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(f"{mf.name}: not valid TOML: {e}")
        continue
    ev = data.get("event", {})
    evid = ev.get("id")
    if mf.stem != evid:
        err(f"{mf.name}: event id {evid!r} differs from file name")
    for key in ("id", "title", "date"):
        if key not in ev:
            err(f"{mf.name}: [event] lacks {key}")
    langs, outlets, kinds = Counter(), set(), Counter()
    for r in data.get("report", []):
        rid = r.get("id", "?")
        for key in ("id", "outlet", "lang", "url", "query", "sha256", "kind"):
            if key not in r:
                err(f"{mf.name}: report {rid} lacks {key}")
        if not rid.startswith(f"{evid}."):
            err(f"{mf.name}: report id {rid} does not start with {evid}.")
        if not rid.endswith("-" + r.get("lang", "")):
            warn(f"{mf.name}: report id {rid} does not end with -<lang>")
        if r.get("kind") not in REPORT_KINDS:
            err(f"{mf.name}: report {rid} kind {r.get('kind')!r}")
        if rid in reports:
            err(f"report id {rid} appears twice")
        path = TEXTS / f"{rid}.txt"
        if not path.exists():
            err(f"{rid}: text missing ({path})")
            text = None
        else:
            raw = path.read_bytes()
            sha = hashlib.sha256(raw).hexdigest()
            if sha != r.get("sha256"):
                err(f"{rid}: sha256 mismatch (file {sha}, manifest {r.get('sha256')})")
            text = raw.decode("utf-8")
        reports[rid] = (r, text, evid)
        langs[r.get("lang")] += 1
        outlets.add(r.get("outlet"))
        kinds[r.get("kind")] += 1
    n = len(data.get("report", []))
    print(f"event {evid}: {n} reports, {len(outlets)} outlets, languages {dict(langs)}, kinds {dict(kinds)}")

# ---------------------------------------------------------------- gold
total = Counter()
files = sorted(GOLD.glob("*.toml"))
only = [a for a in sys.argv[1:] if not a.startswith("--")]
if only:
    files = [pathlib.Path(a) for a in only]
for gf in files:
    try:
        g = tomllib.loads(gf.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        err(f"{gf.name}: not valid TOML: {e}")
        continue
    a_id, b_id = g.get("a"), g.get("b")
    if gf.stem != f"{a_id}__{b_id}":
        err(f"{gf.name}: file name does not match a__b ({a_id}__{b_id})")
    if not g.get("labelled_by"):
        err(f"{gf.name}: labelled_by missing")
    texts = {}
    for side, rid in (("a", a_id), ("b", b_id)):
        if rid not in reports:
            err(f"{gf.name}: {side} = {rid!r} is not in any manifest")
        elif reports[rid][1] is None:
            err(f"{gf.name}: {side} text missing")
        else:
            texts[side] = reports[rid][1]
    if len(texts) < 2:
        continue
    spans = {"a": [], "b": []}  # (start, end, cue)
    seen = {"a": Counter(), "b": Counter()}

    def use(side, cue, where):
        if not isinstance(cue, str) or not cue:
            err(f"{gf.name}: {where}: empty or non-string cue")
            return
        nw = len(cue.split())
        if nw > 10:
            err(f"{gf.name}: {where}: cue has {nw} words (max 10): {cue!r}")
        elif nw < 4:
            warn(f"{gf.name}: {where}: cue has {nw} words (ok only for a whole short sentence): {cue!r}")
        occ = occurrences(texts[side], cue)
        if len(occ) != 1:
            err(f"{gf.name}: {where}: cue occurs {len(occ)} times in {side}: {cue!r}")
            return
        seen[side][cue] += 1
        if seen[side][cue] > 1:
            err(f"{gf.name}: {where}: cue used twice on side {side}: {cue!r}")
        spans[side].append((occ[0], occ[0] + len(cue), cue))

    counts = Counter()
    for i, link in enumerate(g.get("link", []), 1):
        kind = link.get("kind")
        if kind not in LINK_KINDS:
            err(f"{gf.name}: link {i}: kind {kind!r}")
        counts["link:" + str(kind)] += 1
        for side in ("a", "b"):
            cues = link.get(side)
            if not isinstance(cues, list) or not 1 <= len(cues) <= 2:
                err(f"{gf.name}: link {i}: side {side} needs 1 or 2 cues, got {cues!r}")
                continue
            for c in cues:
                use(side, c, f"link {i} {side}")
        if len(link.get("a", [])) == 2 and len(link.get("b", [])) == 2:
            err(f"{gf.name}: link {i}: 2:2 link (use at most two cues on one side)")
    for i, al in enumerate(g.get("alone", []), 1):
        side, kind = al.get("side"), al.get("kind")
        if side not in ("a", "b"):
            err(f"{gf.name}: alone {i}: side {side!r}")
            continue
        if kind not in ALONE_KINDS:
            err(f"{gf.name}: alone {i}: kind {kind!r}")
        counts[f"alone:{side}:{kind}"] += 1
        use(side, al.get("cue"), f"alone {i} {side}")

    for side in ("a", "b"):
        sp = sorted(spans[side])
        for (s1, e1, c1), (s2, e2, c2) in zip(sp, sp[1:]):
            if s2 < e1:
                err(f"{gf.name}: cues overlap on side {side}: {c1!r} / {c2!r}")
        for s, e in segments(texts[side]):
            inside = [c for (cs, ce, c) in sp if cs < e and ce > s]
            seg = texts[side][s:e].strip()
            if not inside:
                warn(f"{gf.name}: side {side}: segment without a cue: {seg[:80]!r}")
            elif len(inside) > 1:
                warn(f"{gf.name}: side {side}: segment holds {len(inside)} cues (two sentences the splitter missed?): {seg[:80]!r}")
    links = sum(v for k, v in counts.items() if k.startswith("link:"))
    kinds = {k[5:]: v for k, v in counts.items() if k.startswith("link:")}
    alone = {k[6:]: v for k, v in counts.items() if k.startswith("alone:")}
    la = reports[a_id][0].get("lang")
    lb = reports[b_id][0].get("lang")
    print(f"gold {gf.name}: {la}-{lb}, {links} links {kinds}, alone {alone}")
    total.update(counts)
    total["files"] += 1
    if la != lb:
        total["cross-language files"] += 1

print(f"total: {dict(total)}")


# ---------------------------------------------------------------- quotes and facts gold
def count_cue(text, cue):
    """How often cue occurs in text, whitespace runs matching any whitespace run."""
    return len(re.findall(r"\s+".join(re.escape(w) for w in cue.split()), text))


if not only:
    statements = defaultdict(set)  # (event, id) -> reports
    quote_kinds = Counter()
    for qf in sorted((ROOT / "gold" / "quotes").glob("*.toml")):
        q = tomllib.loads(qf.read_text(encoding="utf-8"))
        rid = q.get("report")
        if rid not in reports or reports[rid][1] is None:
            err(f"quotes {qf.name}: report {rid!r} unknown or its text missing")
            continue
        if qf.stem != rid:
            err(f"quotes {qf.name}: file name does not match the report {rid}")
        text = reports[rid][1]
        for i, quote in enumerate(q.get("quote", []), 1):
            kind = quote.get("kind")
            quote_kinds[kind] += 1
            if kind not in ("statement", "term"):
                err(f"quotes {qf.name}: quote {i}: kind {kind!r}")
            if count_cue(text, quote.get("cue", "")) != 1:
                err(f"quotes {qf.name}: quote {i}: cue not found exactly once: {quote.get('cue')!r}")
            if kind == "statement":
                if not quote.get("statement"):
                    err(f"quotes {qf.name}: quote {i}: a statement needs a statement id")
                else:
                    statements[(reports[rid][2], quote["statement"])].add(rid)
                if not quote.get("speaker"):
                    warn(f"quotes {qf.name}: quote {i}: statement without a speaker")
    shared = sum(1 for rs in statements.values() if len(rs) > 1)
    print(f"quotes: {dict(quote_kinds)}, {len(statements)} statement ids, {shared} shared by 2+ reports")

    fact_kinds = Counter()
    for ff in sorted((ROOT / "gold" / "facts").glob("*.toml")):
        f = tomllib.loads(ff.read_text(encoding="utf-8"))
        if not (GOLD / ff.name).exists():
            err(f"facts {ff.name}: no alignment gold of that name")
        sides = {s: reports.get(f.get(s), (None, None))[1] for s in ("a", "b")}
        if None in sides.values():
            err(f"facts {ff.name}: a report is unknown or its text missing")
            continue
        for group, kinds in (("discrepancy", {"number", "date", "weekday", "name"}),
                             ("same", {"spelling", "abbreviation", "metonym", "possessive", "format", "framing"})):
            for i, d in enumerate(f.get(group, []), 1):
                fact_kinds[f"{group}:{d.get('kind')}"] += 1
                if d.get("kind") not in kinds:
                    err(f"facts {ff.name}: {group} {i}: kind {d.get('kind')!r}")
                for side in ("a", "b"):
                    if count_cue(sides[side], d.get(side, "")) != 1:
                        err(f"facts {ff.name}: {group} {i}: {side} cue not found exactly once: {d.get(side)!r}")
                    if d.get(f"{side}_value", "") not in sides[side]:
                        err(f"facts {ff.name}: {group} {i}: {side}_value not in the text: {d.get(side + '_value')!r}")
    print(f"facts: {dict(fact_kinds)}")

    stories = Counter()
    for pf in sorted((ROOT / "gold" / "provenance").glob("*.toml")):
        pv = tomllib.loads(pf.read_text(encoding="utf-8"))
        if pf.stem != pv.get("event"):
            err(f"provenance {pf.name}: file name does not match the event {pv.get('event')!r}")
        seen = set()
        for story in pv.get("story", []):
            sid = story.get("id")
            stories["stories"] += 1
            rids = story.get("reports", [])
            if len(rids) < 2:
                err(f"provenance {pf.name}: story {sid}: fewer than two reports")
            for rid in rids:
                if rid not in reports or reports[rid][1] is None:
                    err(f"provenance {pf.name}: story {sid}: report {rid!r} unknown or its text missing")
                    continue
                if rid in seen:
                    err(f"provenance {pf.name}: report {rid} in two stories")
                seen.add(rid)
                if reports[rid][0].get("lang") != story.get("lang"):
                    err(f"provenance {pf.name}: story {sid}: {rid} is not in {story.get('lang')!r}")
            for cue in story.get("shared_cues", []):
                carried = sum(1 for rid in rids if rid in reports and reports[rid][1]
                              and count_cue(reports[rid][1], cue) == 1)
                if carried < 2:
                    err(f"provenance {pf.name}: story {sid}: cue in fewer than two reports: {cue!r}")
        for t in pv.get("translation", []):
            stories["translations"] += 1
            if t.get("report") not in reports:
                err(f"provenance {pf.name}: translation of unknown report {t.get('report')!r}")
    print(f"provenance: {dict(stories)}")

print(f"{errors} errors, {warnings} warnings")
sys.exit(1 if errors else 0)
