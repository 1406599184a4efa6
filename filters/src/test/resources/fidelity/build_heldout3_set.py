#!/usr/bin/env python3
"""Builds heldout3-set.jsonl.gz: a third labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py,
build_heldout_set.py, build_heldout2_set.py): pieces of whole lines, paragraphs one per line as a web page's
extracted text has them, list items one per line, each text once. Every source is new: nothing is read from a
file, an npm package or a Debian package that an earlier set names, and a page whose first 200 characters occur
in an earlier page (or in text-lorem.jsonl) is dropped. Debian files come from packages that are NOT installed on
the build machine, fetched with `apt-get download` and unpacked with `dpkg-deb -x` (one folder per package under
DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK and, for the generators that are run, an
`npm install` under NPM_HO3. Nothing here ran kiln or its filters; no page was chosen or dropped by how a filter
scores it. Sources, versions and licences: HELDOUT3.md beside this file.

Standard library only (node runs the placeholder generators, as in the earlier builders); seeded, gzip mtime 0,
so re-running on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid3/deb DEB_X=/tmp/fid3/x NPM_PACK=/tmp/fid3/pack NPM_HO3=/tmp/fid3/npm \
       python3 build_heldout3_set.py
"""
import glob
import gzip
import json
import os
import random
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
DEB_DIR = os.environ.get("DEB_DIR", "/tmp/fid3/deb")
DEB_X = os.environ.get("DEB_X", "/tmp/fid3/x")
PACK = os.environ.get("NPM_PACK", "/tmp/fid3/pack")
NPM = os.environ.get("NPM_HO3", "/tmp/fid3/npm") + "/node_modules"
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

fidelity_build.setup(20261208, DEB_DIR, DEB_X, PACK, ['fidelity-set.jsonl.gz', 'heldout-set.jsonl.gz', 'heldout2-set.jsonl.gz'])
from fidelity_build import (DEB_VER, P, TextOf, X, add, code_pages, copyright_pages, cut,  # noqa: E402,F401
                            deb_src, docs, fortunes, html_text, mallard_text, markdown_page, npm_meta, pack_src,
                            pieces, read, rnd, take, unwrap, write)


# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const M = process.argv[1] + '/';
// a seeded Math.random (mulberry32) for the generators that take no seed of their own
let s = 20261208 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const out = {};
const bacon = require(M + 'baconipsum');
out.bacon = []; for (let i = 0; i < 8; i++) out.bacon.push(bacon(140 + 45 * i));
const corp = require(M + 'corporate-ipsum');
out.corporate = []; for (let i = 0; i < 6; i++) { const ps = []; for (let k = 0; k < 2 + (i % 3); k++) ps.push(corp(4 + ((i + k) % 5)).trim()); out.corporate.push(ps.join('\n')); }
const hip = require(M + 'lorem-hipsum');
out.hipsum = []; for (let i = 0; i < 7; i++) out.hipsum.push(hip({count: 2 + (i % 3), units: 'paragraphs', random: Math.random}));
const gl = require(M + 'getlorem');
out.getlorem = []; for (let i = 0; i < 6; i++) out.getlorem.push(gl.paragraphs(2 + (i % 3)));
const Jabber = require(M + 'jabber').default;
const jb = new Jabber();
out.jabber = []; for (let i = 0; i < 6; i++) { const ps = []; for (let k = 0; k < 2 + (i % 3); k++) ps.push(jb.createParagraph(40 + 17 * k + 5 * i)); out.jabber.push(ps.join('\n')); }
const barnak = require(M + 'lorembarnak');
out.barnak = []; for (let i = 0; i < 5; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(barnak.getText(18 + 7 * k)); out.barnak.push(ps.join('\n')); }
const fli = require(M + 'fast-lorem-ipsum');
out.fli = []; for (let i = 0; i < 3; i++) out.fli.push(fli(90 + 130 * i, 'w'));
const emmet = require(M + '@emmetio/lorem');
out.emmet = {};
for (const lang of ['latin', 'ru', 'sp']) { out.emmet[lang] = [];
  for (let i = 0; i < 3; i++) { const ps = []; for (let k = 0; k < 2 + i; k++) { const node = {name: 'p', repeat: {value: 3}, parent: {name: null, parent: {}}};
      emmet(node, {lang: lang, wordCount: 45 + 20 * k, skipCommon: k > 0}); ps.push(node.value); } out.emmet[lang].push(ps.join('\n')); } }
console.log(JSON.stringify(out));
"""
gen = json.loads(subprocess.run(["node", "-e", node, NPM], capture_output=True, text=True, check=True).stdout)


def npm_inst(name):
    n, v, lic = npm_meta(os.path.join(NPM, name))
    return v, lic


chrome = ["Home", "About us", "Services", "Portfolio", "Team", "Contact", "Search...", "Sign in", "Get a quote",
          "Skip to content", "Categories", "Recent posts", "Archives", "Tags", "Read more »", "« Previous post",
          "Next post »", "Follow us", "Newsletter", "Our clients", "Latest news", "Call now: 01 23 45 67 89",
          "© 2023 Studio Nord. All rights reserved.", "Made with love in Lisbon", "Back to top ↑"]
gens = [("bacon", "baconipsum", "default export bacon(140 + 45 i words)"),
        ("corporate", "corporate-ipsum", "createIpsum(4 to 8 sentences)"),
        ("hipsum", "lorem-hipsum", "generator({units: 'paragraphs'})"),
        ("getlorem", "getlorem", "paragraphs(2 to 4)"),
        ("jabber", "jabber", "new Jabber().createParagraph(n) (random pseudo-words)"),
        ("barnak", "lorembarnak", "getText(n) (Québécois swear-word ipsum)"),
        ("fli", "fast-lorem-ipsum", "fli(90 + 130 i, 'w') (cuts of one fixed Latin text)")]
for key, pkg, how in gens:
    v, lic = npm_inst(pkg)
    for i, p in enumerate(gen[key]):
        p = p.replace("\r\n", "\n").strip()
        if key == "fli":  # one run-on string: three-sentence paragraphs at the package's commas
            parts = re.split(r"(?<=,) ", p)
            p = "\n".join(" ".join(parts[j:j + 4]) for j in range(0, len(parts), 4))
        # a third of each generator's pages wrapped in a few lines of site chrome above and below
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {pkg} {v} {how}, Math.random seeded (mulberry32 20261208) ({lic})", text)
v, lic = npm_inst("@emmetio/lorem")
for lang in ["latin", "ru", "sp"]:
    for i, p in enumerate(gen["emmet"][lang]):
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "emmet-" + lang, f"npm @emmetio/lorem {v} lang/{lang if lang == 'latin' else {'ru': 'russian', 'sp': 'spanish'}[lang]}.json "
            f"vocabulary, paragraph(), Math.random seeded ({lic})", text)

# ---------------------------------------------------------------- code
GO = "usr/share/gocode/src/github.com"
go = X("golang-github-spf13-cobra-dev", GO + "/spf13/cobra/*.go") + X("golang-github-gorilla-mux-dev", GO + "/gorilla/mux/*.go") \
    + X("golang-github-sirupsen-logrus-dev", GO + "/sirupsen/logrus/**/*.go")
code_pages(go, "go", lambda f: deb_src(f, {"cobra": "Apache-2.0", "mux": "BSD-3-Clause"}.get(f.split("/")[-2], "MIT")), 18)
rs = X("librust-serde-dev", "usr/share/cargo/registry/serde-*/src/**/*.rs") \
    + X("librust-regex-dev", "usr/share/cargo/registry/regex-*/src/**/*.rs", "usr/share/cargo/registry/regex-*/examples/*.rs")
code_pages(rs, "rust", lambda f: deb_src(f, "MIT or Apache-2.0"), 16)
rb = X("ruby-rack", "usr/share/rubygems-integration/all/gems/rack-*/lib/**/*.rb") \
    + X("ruby-thor", "usr/share/rubygems-integration/all/gems/thor-*/lib/**/*.rb") \
    + take(X("rubocop", "usr/share/rubygems-integration/all/gems/rubocop-*/lib/**/*.rb"), 60)
code_pages(rb, "ruby", lambda f: deb_src(f, "MIT"), 16)
code_pages(X("lua-penlight", "usr/share/lua/5.1/pl/*.lua"), "lua", lambda f: deb_src(f, "MIT"), 10)
sql = [f for f in X("postgresql-15", "usr/share/postgresql/15/extension/*.sql", "usr/share/postgresql/15/*.sql")
       if os.path.getsize(f) > 2500]
code_pages(sql, "sql", lambda f: deb_src(f, "PostgreSQL"), 12)
code_pages(X("rubocop", "etc/rubocop/default.yml"), "yaml", lambda f: deb_src(f, "MIT"), 6, per_file=6)
code_pages(X("bmake", "usr/share/bmake/**/*.mk"), "makefile", lambda f: deb_src(f, "BSD-2/3/4-Clause per file, see copyright"), 8)
code_pages(take(X("autoconf-archive", "usr/share/aclocal/*.m4"), 80), "m4",
           lambda f: deb_src(f, "GPL-3+ with Autoconf exception, or all-permissive, per file"), 6)
ts = P("rxjs-7.8.2", "src/internal/**/*.ts") + P("zod-4.6.7", "src/v4/**/*.ts")
ts = [f for f in ts if "/tests/" not in f and not f.endswith(".test.ts")]
code_pages(ts, "typescript", pack_src, 14)
code_pages(P("uikit-3.25.29", "src/less/**/*.less"), "less", pack_src, 6)
code_pages(P("uikit-3.25.29", "src/scss/**/*.scss") + P("picocss-pico-2.1.1", "scss/**/*.scss"), "scss", pack_src, 8)
jsf = P("htmx.org-4.0.1", "dist/htmx.js") + P("alpinejs-3.17.5", "dist/cdn.js") + P("marked-18.3.0", "lib/marked.esm.js") \
    + P("uikit-3.25.29", "dist/js/uikit.js") + take(P("three-0.187.0", "src/**/*.js"), 40)
code_pages(jsf, "js", pack_src, 10, per_file=2)
for f in P("htmx.org-4.0.1", "dist/htmx.min.js") + P("alpinejs-3.17.5", "dist/cdn.min.js") \
        + P("uikit-3.25.29", "dist/js/uikit.min.js") + P("picocss-pico-2.1.1", "css/pico.min.css"):
    t = read(f)
    for k in range(2):
        a = rnd.randrange(0, max(1, len(t) - 4000))
        add("code", "minified", pack_src(f), t[a:a + rnd.randrange(1500, 4000)])

# ---------------------------------------------------------------- policy: copyright files, licences, legal pages, consent
copyright_pages(most=40, later=0, skip=("postgresql-15",))  # installed here: the earlier sets' pool

lic_files = (X("golang-github-spf13-cobra-dev", GO + "/*/*/LICENSE*") + X("golang-github-gorilla-mux-dev", GO + "/*/*/LICENSE*")
             + X("golang-github-sirupsen-logrus-dev", GO + "/*/*/LICENSE*")
             + X("librust-serde-dev", "usr/share/cargo/registry/*/LICENSE*") + X("librust-regex-dev", "usr/share/cargo/registry/*/LICENSE*")
             + X("ruby-rack", "usr/share/rubygems-integration/all/gems/*/MIT-LICENSE")
             + X("ruby-thor", "usr/share/rubygems-integration/all/gems/*/LICENSE*"))
npm_lic = sorted(glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/COPYING*"))
bodies = set()
k = 0
for f in take(lic_files, len(lic_files)) + take(npm_lic, len(npm_lic)):
    t = unwrap(read(f))
    body = re.sub(r"(?im)^.*copyright.*$", "", t)[:1500]
    if k < 14 and len(t) > 600 and body not in bodies:  # one page per distinct licence body
        src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text itself")
        if add("policy", "package-licence", src + " licence text", cut(t)):
            bodies.add(body)
            k += 1

# the licence and copyright pages of the Python 3.11 documentation (history, PSF licence, third-party notices)
for f in X("python3.11-doc", "usr/share/doc/python3.11/html/license.html", "usr/share/doc/python3.11/html/copyright.html"):
    t = html_text(f, skip={"headerlink", "sphinxsidebar", "related", "footer"}, main={"main"})
    for c in take(pieces(t, 1500, 4000), 4):
        add("policy", "doc-licence", deb_src(f, "PSF-2.0; the licence text itself"), c)

# privacy policies, terms of service, legal notices: express-legal templates (filled with its own defaultConfig)
legal_cfg = {"companyName": "Acme Inc.", "domain": "example.com", "lastModified": "July 23rd, 2016",
             "contactUrl": "/contact-us", "email": "hello@example.com"}  # express-legal 1.3.2 defaultConfig.js
for f, want in [(P("express-legal-1.3.2", "privacy-policy.html")[0], 3), (P("express-legal-1.3.2", "terms-of-service.html")[0], 5)]:
    h = re.sub(r"\{\{\{?#?/?(\w+)\}?\}\}", lambda m: legal_cfg.get(m.group(1), ""), read(f))
    tmp = TextOf()
    tmp.feed(h)
    tmp.close()
    t = tmp.text()
    for c in pieces(t, 1500, 4000)[:want]:
        add("policy", "legal-template", pack_src(f) + ", placeholders filled from its defaultConfig.js", c)
# French legal pages of ADEME's sites (privacy policy, cookie policy, legal notice), markdown as a page's text
for f, want in [(P("incubateur-ademe-legal-pages-markdown-0.6.0", "md/PrivacyPolicy.md")[0], 6),
                (P("incubateur-ademe-legal-pages-markdown-0.6.0", "md/CookiesPolicy.md")[0], 3),
                (P("incubateur-ademe-legal-pages-markdown-0.6.0", "md/LegalNotice.md")[0], 3)]:
    t = markdown_page(read(f))
    t = re.sub(r"\*\*|__", "", t)
    t = re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: {"date": "12 mars 2024", "siteName": "Agir pour la transition",
                                                  "siteUrl": "agirpourlatransition.ademe.fr"}.get(m.group(1), "…"), t)
    for c in pieces(t, 1500, 4000)[:want]:
        add("policy", "legal-fr", pack_src(f) + ", {{placeholders}} filled", c)

# cookie-consent text: @lmc-eu/cookie-consent-manager's per-language messages, orejime's per-language bundles
def js_unescape(s):
    """A JS string literal's escapes decoded (\\uXXXX, \\u{X}, \\xXX, \\n, \\t, quotes, backslash)."""
    def one(m):
        e = m.group(1)
        if e[0] == "u":
            return chr(int(e[2:-1] if e[1] == "{" else e[1:], 16))
        if e[0] == "x":
            return chr(int(e[1:], 16))
        return {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": ""}.get(e, e)
    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", one, s, flags=re.S)


def js_strings(src):
    """String and template literals of a JS source, escapes decoded, ${...} and HTML tags removed."""
    out = []
    for m in re.finditer(r"""(["'`])((?:\\.|(?!\1)[^\\])*?)\1""", src, flags=re.S):
        s = m.group(2)
        if m.group(1) == "`":
            s = re.sub(r"\$\{[^{}]*(\{[^{}]*\}[^{}]*)*\}", " ", s)
        s = js_unescape(s)
        s = re.sub(r"<[^>]+>", " ", s.replace("\xa0", " "))
        s = " ".join(s.split())
        out.append(s)
    return out


lmc = P("lmc-eu-cookie-consent-manager-2.6.0", "LmcCookieConsentManager.js")[0]
parts = re.split(r"^\s*// src/languages/(\w+)\.ts\s*$", read(lmc), flags=re.M)
langs = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
for lang in take(sorted(langs), 10):
    ss = [s for s in js_strings(langs[lang]) if len(s) > 3 and " " in s or s[:1].isupper() and len(s) > 3]
    ss = [s for s in ss if "://" not in s and not re.search(r"[{}=;]|^c-|^data-", s)]
    ss = list(dict.fromkeys(ss))
    add("policy", "cookie-lmc", pack_src(lmc) + f" (src/languages/{lang}.ts messages)", cut("\n".join(ss)))
for f in take(P("orejime-3.2.1", "dist/orejime-standard-*.js"), 8):
    t = read(f)
    ss = [js_unescape(m.group(2)) for m in re.finditer(r"""\b[a-zA-Z]+:(["'])((?:\\.|(?!\1)[^\\])*)\1""", t)]
    ss = [s.strip() for s in ss if " " in s.strip() and re.search(r"[^\W\d_]{3}", s)
          and not re.search(r"orejime|://|[<>=;]|^\w+-\w+", s)]
    ss = list(dict.fromkeys(ss))
    add("policy", "cookie-orejime", pack_src(f) + " translation strings", cut("\n".join(ss)))

# ---------------------------------------------------------------- clean: prose that must be kept
def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000):
    k = 0
    for f in files:
        if k >= n:
            break
        t = html_text(f, skip=skip, main=main)
        ps = pieces(t, lo, hi)
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), c)


DOCBOOK_SKIP = {"navheader", "navfooter", "docnav", "toc", "banner", "title", "breadcrumbs", "list-of-tables",
                "list-of-examples", "list-of-figures", "footnotes"}
SPHINX_SKIP = {"headerlink", "sphinxsidebar", "related", "footer", "sphinxsidebarwrapper"}
HB = "usr/share/doc/debian-handbook/html/en-US/"
hb = [f for f in X("debian-handbook", HB + "*.html") if not f.endswith(("index.html", "Legal_Notice.html"))]
html_pages(take(hb, len(hb)), "debian-handbook", "GPL-2+ or CC-BY-SA-3.0", 30, DOCBOOK_SKIP)
PYD = "usr/share/doc/python3.11/html/"
pyd = []
for sub, m in [("tutorial", 9), ("howto", 9), ("faq", 5), ("whatsnew", 5), ("library", 10), ("reference", 3), ("using", 3)]:
    pyd += take([f for f in X("python3.11-doc", PYD + sub + "/*.html") if not f.endswith("index.html")], m)
html_pages(pyd, "python-docs", "PSF-2.0", 36, SPHINX_SKIP, main={"main"})
html_pages(take(X("debian-reference-en", "usr/share/debian-reference/*.en.html"), 20), "debian-reference",
           "GPL-2+", 15, DOCBOOK_SKIP, per_file=2)
html_pages(take([f for f in X("developers-reference", "usr/share/developers-reference/*.html")
                 if not f.endswith(("search.html", "developers-reference.html", "index.html"))], 20),
           "developers-reference", "GPL-2", 12, SPHINX_SKIP, main={"main"}, per_file=2)
html_pages(take([f for f in X("maint-guide", "usr/share/doc/maint-guide/html/*.en.html") if "index" not in f], 20),
           "maint-guide", "GPL-2+, MIT or public domain per part (copyright file)", 8, DOCBOOK_SKIP, per_file=1)
html_pages(take([f for f in X("debian-faq", "usr/share/doc/debian/FAQ/*.en.html") if "index" not in f], 30),
           "debian-faq", "verbatim and modified copies permitted (copyright file)", 10, DOCBOOK_SKIP, per_file=1)
gu = X("git-doc", "usr/share/doc/git-doc/user-manual.html")
html_pages(gu, "git-user-manual", "GPL-2", 5, DOCBOOK_SKIP, per_file=5)
k = 0
for f in take(X("git-doc", "usr/share/doc/git-doc/howto/*.html"), 20):
    t = html_text(f, skip={"footer", "footer-text"})
    if k < 5:
        k += add("clean", "git-howto", deb_src(f, "GPL-2"), cut(t))

def unwrap_info(text):
    """Info text as a page: prose paragraphs unwrapped, indented example blocks kept line by line."""
    out = []
    for p in re.split(r"\n\s*\n", text):
        ls = [l for l in p.split("\n") if l.strip() and not re.fullmatch(r"\s*[-=*.]{3,}\s*", l)]
        if not ls:
            continue
        if all(l.startswith("     ") for l in ls):
            out += [l[5:].rstrip() for l in ls]
        else:
            out.append(" ".join(l.strip() for l in ls))
    return "\n".join(out)


# GNU Coding Standards and Information for Maintainers of GNU Software (info files), node headers removed
nodes = []
for f in X("gnu-standards", "usr/share/info/*.info.gz"):
    for node in read(f).split("\x1f")[1:]:
        head, _, body = node.lstrip("\n").partition("\n")
        m = re.search(r"Node: ([^,\n]+)", head)
        # the nodes on licences and copyright notices are left out: their text is licence boilerplate, not prose
        if not m or re.search(r"Licens|Copyright|Legal|Index|Top|Tag Table|GNU Free Documentation", m.group(1)):
            continue
        body = "\n".join(l for l in body.split("\n") if not l.startswith("* ") and not l.startswith("* Menu:"))
        t = unwrap_info(body)
        if len(t) >= 1200:
            nodes.append((f, m.group(1), cut(t)))
k = 0
for f, name, t in take(nodes, len(nodes)):
    if k < 10:
        k += add("clean", "gnu-standards", deb_src(f, "GFDL-1.3+, no invariant sections") + f" node '{name}'", t)

# GNOME help (Mallard pages, English originals)
gp = take([f for f in X("gnome-user-docs", "usr/share/help/C/gnome-help/*.page", "usr/share/help/C/system-admin-guide/*.page")
           if "legal" not in f], 400)
k = 0
for f in gp:
    if k >= 32:
        break
    try:
        t = mallard_text(f)
    except ET.ParseError:
        continue
    if len(t) >= 900:
        k += add("clean", "gnome-help", deb_src(f, "CC-BY-SA-3.0"), cut(t))

# Node.js web-framework and logger documentation shipped in npm tarballs (fastify docs/, pino docs/)
for pk, want in [("fastify-5.12.8", 14), ("pino-10.4.0", 6)]:
    k = 0
    for f in take(P(pk, "docs/**/*.md"), 100):
        for c in pieces(markdown_page(read(f)), 1500, 4000)[:1]:  # the page's opening
            if k < want:
                k += add("clean", "npm-docs", pack_src(f), c)

# fortune cookies: quotations and jokes grouped into pages, one quotation per line, attributions on their own line
FORT = "usr/share/games/fortunes/"
ffiles = [f for f in X("fortunes", FORT + "*.u8") if os.path.basename(f)[:-3] not in
          {"ethnic", "men-women", "drugs", "ascii-art", "translate-me", "knghtbrd", "debian", "perl", "linux", "linuxcookie"}]
k = 0
for f in take(ffiles, len(ffiles)):
    if k < 16:
        k += any(add("clean", "fortunes", deb_src(f, "BSD fortune-mod data files; quotations as collected, see copyright"), c)
                 for c in take(pieces(fortunes(f), 1500, 4000), 1))

# GCIDE dictionary entries (dictd database, gzip-readable): runs of consecutive entries, one line per sense
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64n(s):
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


gidx = X("dict-gcide", "usr/share/dictd/gcide.index")[0]
with gzip.open(X("dict-gcide", "usr/share/dictd/gcide.dict.dz")[0], "rb") as f:  # dictzip is gzip
    gdict = f.read()
with open(gidx, encoding="utf-8", errors="replace") as f:
    entries = [l.rstrip("\n").split("\t") for l in f if l.count("\t") == 2 and not l.startswith("00-database")]
k = 0
for start in sorted(take(range(len(entries) - 80), 40)):
    if k >= 15:
        break
    body, pos = [], set()
    for hw, off, ln in entries[start:start + 60]:
        a = b64n(off)
        if a in pos:
            continue
        pos.add(a)
        e = gdict[a:a + b64n(ln)].decode("utf-8", "replace")  # offsets and lengths are in bytes
        e = re.sub(r"\n\s+\[[^\]]*(Webster|WordNet|PJC|Century|Chambers)[^\]]*\]", "", e)
        body.append(unwrap(e))
        if sum(len(b) for b in body) > 3000:
            break
    t = "\n".join(body)
    if len(t) > 1500:
        k += add("clean", "gcide", deb_src(gidx[:-len("index")] + "dict.dz", "GPL-2+"), cut(t))

# WordNet 3.0 glosses: runs of consecutive noun, verb and adjective synsets as a glossary page
k = 0
for pos in ["noun", "verb", "adj", "noun", "adv", "adj"]:
    f = X("wordnet-base", f"usr/share/wordnet/data.{pos}")[0]
    lines = [l for l in read(f).split("\n") if l[:1].isdigit() and " | " in l]
    a = rnd.randrange(0, len(lines) - 60)
    out = []
    for l in lines[a:a + 60]:
        head, gloss = l.split(" | ", 1)
        w = head.split()
        words = [w[4 + 2 * i].replace("_", " ") for i in range(int(w[3], 16))]
        words = [re.sub(r"\(\w+\)$", "", x) for x in words]
        out.append(f"{', '.join(words)} ({pos}): {gloss.strip()}")
        if sum(len(o) for o in out) > 3000:
            break
    add("clean", "wordnet", deb_src(f, "WordNet 3.0 licence (BSD-like)"), "\n".join(out))

out = os.path.join(HERE, "heldout3-set.jsonl.gz")
write(out)
