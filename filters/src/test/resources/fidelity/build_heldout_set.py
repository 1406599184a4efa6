#!/usr/bin/env python3
"""Builds heldout-set.jsonl.gz: a labelled set for FilterFidelityTest that no threshold was chosen on.

Same labels and page assembly as build_fidelity_set.py (whose helpers it imports), but other files: man pages,
READMEs, copyright files and Node.js API documents the tuning set did not take, other sections of
man(1), man(5) and man(8) pages, the KJV New Testament and other Old Testament books than Genesis, the parts of
Scofield's notes that do not overlap the tuning set's pages, the Jargon File, licence files of Python packages,
and code and placeholder text of npm packages the tuning set does not use (@faker-js/faker 9.9.0, chart.js
4.6.2, bulma 1.0.4, animate.css 4.1.1, axios 1.21.1, dayjs 1.11.23, all MIT; `npm install` into NPM_HO) and
of Debian's Python packages and C headers. Sources and licences: HELDOUT.md beside this file.

usage: NPM_HO=/tmp/fid/npmho CORPORA=/work/shared/corpora python3 build_heldout_set.py
"""
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NPM = os.environ.get("NPM_HO", "/tmp/fid/npmho") + "/node_modules"
CORPORA = os.environ.get("CORPORA", "/work/shared/corpora")
rnd = random.Random(20261206)
docs = []
seen = set()

with gzip.open(os.path.join(HERE, "fidelity-set.jsonl.gz"), "rt", encoding="utf-8") as f:
    tuning = [json.loads(l) for l in f]
used_files = {d["source"].split(" ")[0].rstrip(":") for d in tuning}
tuning_text = "\n".join(d["text"] for d in tuning)


def add(label, kind, source, text):
    text = text.strip()
    # each text once, and never a page that shares its opening with a tuning page
    if len(text) >= 300 and text not in seen and text[:200] not in tuning_text:
        seen.add(text)
        docs.append({"id": f"{label}/{kind}/{sum(1 for d in docs if d['kind'] == kind)}", "label": label,
                     "kind": kind, "source": source, "text": text})


def read(path):
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


def fresh(files):
    return [f for f in files if f not in used_files]


# ---------------------------------------------------------------- lorem ipsum placeholder pages
node = r"""
const {faker} = require(process.argv[1] + '/@faker-js/faker');
faker.seed(42);
const out = [];
for (let i = 0; i < 40; i++) out.push(faker.lorem.paragraphs(2 + (i % 4), '\n'));
for (let i = 0; i < 10; i++) out.push(faker.lorem.sentences(4 + i) + '\n' + faker.lorem.paragraph(6));
console.log(JSON.stringify(out));
"""
faker = json.loads(subprocess.run(["node", "-e", node, NPM], capture_output=True, text=True, check=True).stdout)
chrome = ["Welcome", "Our Team", "News", "Events", "Gallery", "Testimonials", "Pricing", "FAQ", "Sign up",
          "Log in", "Follow us", "Newsletter", "Latest articles", "Tags", "Archives", "Previous post", "Next post",
          "By Jane Doe", "3 min read", "All rights reserved."]
for i, p in enumerate(faker):
    add("lorem", "faker", "npm @faker-js/faker 9.9.0 lorem (MIT), seed 42",
        p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3)))
jaraco = re.search(r'lorem_ipsum: str = """(.*?)"""', read("/usr/lib/python3/dist-packages/setuptools/_vendor/jaraco/text/__init__.py"), re.S)
if jaraco:
    lor = jaraco.group(1)
    for i in range(4):
        add("lorem", "jaraco", "jaraco.text lorem_ipsum, vendored in Debian python3-setuptools (MIT)",
            "\n".join(take(chrome, 4)) + "\n" + "\n".join(take(faker, 1)) + "\n" + unwrap(lor))

# ---------------------------------------------------------------- code dumps
def code_pages(files, kind, source, n, lo=800, hi=4000):
    chunks = []
    for f in files:
        chunks += pieces(read(f), lo, hi)
    for c in take(chunks, n):
        add("code", kind, source, c)


js = [NPM + "/chart.js/dist/chart.js", NPM + "/axios/lib/core/Axios.js", NPM + "/axios/lib/utils.js",
      NPM + "/dayjs/esm/index.js"] + sorted(glob.glob(NPM + "/axios/lib/helpers/*.js"))
code_pages(js, "js", "npm chart.js 4.6.2, axios 1.21.1, dayjs 1.11.23 (MIT)", 30)
css = [NPM + "/bulma/css/bulma.css", NPM + "/animate.css/animate.css"]
code_pages(css, "css", "npm bulma 1.0.4, animate.css 4.1.1 (MIT)", 20)
for f in [NPM + "/bulma/css/bulma.min.css", NPM + "/chart.js/dist/chart.umd.min.js", NPM + "/dayjs/dayjs.min.js"]:
    t = read(f)
    for k in range(2):
        a = rnd.randrange(0, max(1, len(t) - 4000))
        add("code", "minified", "npm bulma 1.0.4, chart.js 4.6.2, dayjs 1.11.23 minified builds (MIT)", t[a:a + rnd.randrange(1500, 4000)])
py = sorted(glob.glob("/usr/lib/python3/dist-packages/*/*.py"))
code_pages(take(py, 300), "python", "Debian python3 packages under /usr/lib/python3/dist-packages (each package's copyright file)", 30)
hdr = sorted(glob.glob("/usr/include/*.h"))
code_pages(take(hdr, 200), "c-header", "C headers under /usr/include (glibc LGPL-2.1+, others per package copyright file)", 20)

# ---------------------------------------------------------------- licence boilerplate
copyrights = fresh(sorted(glob.glob("/usr/share/doc/*/copyright")))
for f in take(copyrights, 60):
    t = unwrap(read(f))
    if len(t) > 600:
        add("policy", "debian-copyright", f"{f} (each package's copyright file)", t[:6000])
lic = sorted(glob.glob("/usr/lib/python3/dist-packages/*.dist-info/LICEN[CS]E*")
             + glob.glob("/usr/lib/python3/dist-packages/*.dist-info/COPYING*")
             + glob.glob(NPM + "/*/LICENSE*") + glob.glob(NPM + "/@*/*/LICENSE*"))
for f in lic:
    t = unwrap(read(f))
    if len(t) > 600:
        add("policy", "package-licence", f"{f} (the licence text itself)", t[:6000])

# ---------------------------------------------------------------- clean prose that must be kept
def book(path):
    t = read(path).replace("\r\n", "\n")
    a = t.find("*** START")
    a = t.find("\n", a) if a >= 0 else 3000
    b = t.find("*** END")
    return t[a:b if b > 0 else len(t) - 3000]


nt = unwrap(book(CORPORA + "/gutenberg/kjv-new-testament.txt"))
for c in take(pieces(nt, 1500, 4000), 25):
    add("clean", "kjv-nt", "corpora gutenberg/kjv-new-testament.txt: KJV from Debian sword-text-kjv (public domain)", c)
ot = unwrap(book(CORPORA + "/gutenberg/kjv-old-testament.txt"))
ot = ot[ot.find("Exodus"):] if "Exodus" in ot else ot
for c in take(pieces(ot, 1500, 4000), 20):
    add("clean", "kjv-ot", "corpora gutenberg/kjv-old-testament.txt after Genesis (public domain)", c)
scof = unwrap(book(CORPORA + "/gutenberg/scofield-reference-notes.txt"))
for c in take(pieces(scof, 1500, 4000), 60):
    if not any(line[:120] in tuning_text for line in c.split("\n") if len(line) > 60):
        add("clean", "scofield", "corpora gutenberg/scofield-reference-notes.txt, pages sharing no line with the tuning set (public domain)", c)
jargon = unwrap(book(CORPORA + "/gutenberg/jargon-file-4.4.7.txt"))
for c in take(pieces(jargon, 1500, 4000), 25):
    add("clean", "jargon", "corpora gutenberg/jargon-file-4.4.7.txt: the Jargon File 4.4.7 (public domain)", c)


def page(t, limit=8000):
    return t if len(t) <= limit else t[:t.rfind("\n", 0, limit)]


readmes = fresh(sorted(glob.glob("/usr/share/doc/*/README*")))
for f in take([f for f in readmes if not f.endswith((".gz", ".html"))], 30):
    add("clean", "debian-readme", f"{f} (see the package's copyright file)", page(unwrap(read(f))))
for f in take([f for f in readmes if f.endswith(".gz")], 10):
    add("clean", "debian-readme", f"{f} (see the package's copyright file)",
        page(unwrap(gzip.open(f, "rt", encoding="utf-8", errors="replace").read())))
men = fresh([p for p in sorted(glob.glob("/usr/share/man/man[158]/*.[158].gz")) if "gcloud" not in p])
n_man = 0
for f in take(men, 120):
    if n_man >= 45:
        break
    out = subprocess.run(["man", "-P", "cat", f], capture_output=True, text=True,
                         env={**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8"}).stdout
    out = re.sub(r".\x08", "", out)
    m = re.search(r"\nDESCRIPTION\n(.*?)(\n[A-Z][A-Z ]+\n|$)", out, re.S)
    if m and len(m.group(1)) > 600:
        body = m.group(1)
        # two thirds as a web page's text (one line per paragraph), a third as rendered (hard-wrapped, indented)
        add("clean", "man", f"{f} rendered with man -P cat (see the package's copyright file)",
            unwrap(body)[:4000] if n_man % 3 else body[:4000])
        n_man += 1


def markdown_page(t):
    t = re.sub(r"<!--.*?-->", "", t, flags=re.S)
    out = []
    for i, part in enumerate(re.split(r"^```[a-z]*\s*$", t, flags=re.M)):
        out.append(part.strip("\n") if i % 2 else unwrap(re.sub(r"^(\s*)([*-]|\d+\.) ", r"\n\1\2 ", part, flags=re.M)))
    return "\n".join(p for p in out if p.strip())


for f in take(fresh(sorted(glob.glob("/usr/share/doc/nodejs/api/*.md"))), 25):
    for c in take(pieces(markdown_page(read(f)), 1500, 4000), 1):
        add("clean", "nodejs-docs", f"{f}: Node.js API docs, Debian nodejs (MIT)", c)

out = os.path.join(HERE, "heldout-set.jsonl.gz")
with gzip.GzipFile(out, "wb", mtime=0) as g:
    for d in docs:
        g.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
from collections import Counter
print(Counter(d["label"] for d in docs), Counter(d["kind"] for d in docs), file=sys.stderr)
