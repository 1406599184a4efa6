#!/usr/bin/env python3
"""Independent Python implementation of the reference's filters (arksomething/gpt scripts/filters.py as
specified rule by rule in reference-pipeline.md section 2 and reference-filter-lists.json), written from the
spec with Python's own str methods and `re`, to produce the expected decisions that kiln's `reference`
profile must reproduce exactly.

Run from the repository root:
    python3 filters/src/test/resources/reference/reference_decisions.py > filters/src/test/resources/reference/expected.tsv

Output columns: source, index of the record in the sample file (0-based), decision ("keep" or the reject id),
sha1 of the text after the source's transforms (W0+W3 for wikipedia, GUT0+GUT1+GUT3 for gutenberg; "-" for c4).
"""
import gzip, hashlib, json, math, os, re, string, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
L = json.load(open(os.path.join(HERE, "reference-filter-lists.json")))["lists"]

# ---- global filters G0..G5
def G0(t): return 300 <= len(t) <= 80000
def alpha_ratio(t): return sum(1 for c in t if c.isalpha()) / len(t) if t else 0.0
G2_RE = re.compile(r"(.)\1{5,}")
ASCII_OK = set(string.ascii_letters + string.digits + string.punctuation + " \t\n\r\x0b\x0c")
def G3(t): return (sum(1 for c in t if c not in ASCII_OK) / len(t) if t else 0.0) <= 0.01
def G4(t):
    lines = [l for l in t.split("\n") if l.strip()]
    if not lines: return True
    if sum(1 for l in lines if len(l.strip()) < 20) / len(lines) > 0.30: return False
    lettered = [l for l in lines if any(c.isalpha() for c in l)]
    if lettered and sum(1 for l in lettered if all(c.isupper() for c in l if c.isalpha())) / len(lettered) > 0.20:
        return False
    return True
def G5(t):
    tl = t.lower()
    return not any(p in tl for p in L["DEFAULT_BOILERPLATE"])
GLOBAL = [("G0_length", G0), ("G1_alpha_ratio", lambda t: alpha_ratio(t) >= 0.65),
          ("G2_repeated_chars", lambda t: G2_RE.search(t) is None), ("G3_weird_symbols", G3),
          ("G4_line_structure", G4), ("G5_boilerplate", G5)]

# ---- C4 filters C1..C6
SPAM = set(L["SPAM_PUNCT"])
C2_RES = [re.compile(p) for p in L["C2_SPAM_PATTERNS"]]
def C2(t):
    if t and sum(1 for c in t if c in SPAM) / len(t) > 0.20: return False
    return not any(r.search(t) for r in C2_RES)
def C3(t):
    tl = t.lower()
    return sum(1 for k in set(L["DEFAULT_WEB_JUNK_KEYWORDS"]) if k in tl) < 2
def C4(t):
    tl = t.lower()
    if sum(1 for k in L["NAV_KEYWORDS"] if k in tl) >= 4: return False
    return not (t and t.count("|") / len(t) > 0.005)
def C5(t):
    paras = [p.strip() for p in re.split(r"\n+", t)]
    paras = [p for p in paras if len(p) > 30]
    if not paras: return len(t.strip()) >= 300
    return len(paras) >= 2 and sum(len(p) for p in paras) / len(paras) >= 200
def entropy(t):
    if not t: return 0.0
    n = len(t)
    return -sum(c / n * math.log2(c / n) for c in Counter(t).values())
C4_CHAIN = [("C1_alpha_ratio", lambda t: alpha_ratio(t) >= 0.70), ("C2_punct_spam", C2), ("C3_web_junk", C3),
            ("C4_nav_patterns", C4), ("C5_paragraph_quality", C5), ("C6_entropy", lambda t: 3.5 <= entropy(t) <= 5.6)]

# ---- Wikipedia W0, W3 (transforms), W1, W2
def W0(t):
    out, skip = [], False
    for line in t.split("\n"):
        s = line.strip().lower()
        if s.startswith("==") or s.endswith("=="):
            name = s.strip("= ")
            skip = any(r in name for r in L["WIKI_REMOVE_SECTIONS"])
            if not skip: out.append(line)
        elif not skip:
            out.append(line)
    return "\n".join(out)
def W3(t):
    t = re.sub(r"\{\{[^}]*\}\}", "", t)
    t = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]+)\]\]", r"\1", t)
    t = t.replace("[", "").replace("]", "")
    t = re.sub(r"\n{3,}", "\n\n", t)
    return t.strip()
W1_RES = [re.compile(p) for p in L["W1_LIST_LINE_PATTERNS"]]
def W1(t):
    lines = [l for l in t.split("\n") if l.strip()]
    if not lines: return True
    return sum(1 for l in lines if any(r.match(l) for r in W1_RES)) / len(lines) <= 0.30
SENT = re.compile(L["SENTENCE_END_PATTERN"])
def W2(t): return any(len(SENT.findall(p)) >= 2 for p in re.split(r"\n\s*\n", t))
WIKI_CHAIN = [("W1_list_heavy", W1), ("W2_short_paragraphs", W2)]

# ---- Gutenberg GUT0, GUT1, GUT3
def GUT0(t):
    start = None
    for p in L["GUTENBERG_START_PATTERNS"]:
        m = re.search(p, t, re.IGNORECASE)
        if m:
            nl = t.find("\n", m.end())
            start = nl + 1 if nl != -1 else m.end()
            break
    if start is None:
        m = re.search(r"\n\s*(CHAPTER|Chapter|PART|Part)\s+[IVX1-9]", t)
        start = m.start() if m else 0
    end = len(t)
    for p in L["GUTENBERG_END_PATTERNS"]:
        m = re.search(p, t, re.IGNORECASE)
        if m:
            nl = t.rfind("\n", 0, m.start())
            end = nl if nl != -1 else m.start()
            break
    return t[start:end].strip()
TOC_RES = [re.compile(p) for p in L["TOC_PATTERNS"]]
def toc_like(s):
    return len(s) < 80 and (not s or re.search(r"\.\s*\d+\s*$", s) is not None
                            or re.match(r"^\s*[IVX]+\s*$", s) is not None
                            or re.match(r"^CHAPTER\s+[IVX\d]+", s.upper()) is not None)
def GUT1(t):
    out, in_toc, n = [], False, 0
    for line in t.split("\n"):
        s = line.strip()
        if not in_toc and len(s) < 40 and any(r.match(s.upper()) for r in TOC_RES):
            in_toc, n = True, 0
            continue
        if in_toc:
            n += 1
            if n > 50: in_toc = False
            elif toc_like(s): continue
            else: in_toc = False
        out.append(line)
    return "\n".join(out)
def GUT3(t):
    t = re.sub(r"-\n\s*", "", t)
    t = re.sub(r"[ \t]+", " ", t)
    out, buf = [], []
    for line in t.split("\n"):
        s = line.strip()
        if not s:
            if buf: out.append(" ".join(buf)); buf = []
            out.append("")
        elif buf and not buf[-1].endswith(tuple('.!?:;"\'')) and not s[0].isupper():
            buf.append(s)
        else:
            if buf: out.append(" ".join(buf))
            buf = [s]
    if buf: out.append(" ".join(buf))
    return "\n".join(out)

def decide(t, chain):
    for rid, ok in chain:
        if not ok(t): return rid
    return "keep"

def sha1(t): return hashlib.sha1(t.encode("utf-8")).hexdigest()

def records(path, n):
    with gzip.open(path, "rb") as f:  # records are split on b"\n" only (a text may hold a raw \r)
        for i, line in enumerate(f.read().split(b"\n")[:n]):
            try:
                yield i, json.loads(line.decode("utf-8"))["text"]
            except ValueError:
                continue  # the sample holds a few deliberately broken records

def main():
    sample = os.path.join(HERE, "..", "..", "..", "..", "..", "sample")
    w = sys.stdout
    for i, t in records(os.path.join(sample, "web.jsonl.gz"), 400):
        w.write(f"c4\t{i}\t{decide(t, C4_CHAIN + GLOBAL)}\t-\n")
    for i, t in records(os.path.join(sample, "wiki.jsonl.gz"), 250):
        t = W3(W0(t))
        w.write(f"wikipedia\t{i}\t{decide(t, WIKI_CHAIN + GLOBAL)}\t{sha1(t)}\n")
    for i, name in enumerate(sorted(os.listdir(os.path.join(sample, "gutenberg")))):
        with open(os.path.join(sample, "gutenberg", name), encoding="utf-8", newline="") as f:
            t = GUT3(GUT1(GUT0(f.read())))
        w.write(f"gutenberg\t{i}\t{decide(t, GLOBAL)}\t{sha1(t)}\n")
        # the same book in 20,000-character slices, so G1..G5 are exercised on book text too
        for k in range(0, min(len(t), 200000), 20000):
            s = t[k:k + 20000]
            w.write(f"gutenberg_slice\t{i}:{k}\t{decide(s, GLOBAL)}\t-\n")

if __name__ == "__main__":
    main()
