#!/usr/bin/env python3
"""Builds heldout6-set.jsonl.gz: a sixth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py,
build_heldout2_set.py .. build_heldout5_set.py), through the shared helpers of fidelity_build.py: pieces of whole
lines, paragraphs one per line as a web page's extracted text has them, list items one per line, each text once.
Every source is new: no npm package or Debian package that an earlier set names (in a `source` field, its .md file
or its builder) is read, and a page whose first 200 characters occur in an earlier page (the six earlier sets and
text-lorem.jsonl) is dropped. Debian files come from packages NOT installed on the build machine, fetched with
`apt-get download` and unpacked with `dpkg-deb -x` (one folder per package under DEB_X); npm files from `npm pack`
tarballs unpacked under NPM_PACK (node runs the four placeholder generators straight from those folders; the calls
made need no dependency: react and prop-types are stubbed for react-lorem-ipsum's plain function, and random-words'
`seedrandom` import is replaced, since it is only used with a `seed` option, which is not passed). Nothing here ran
kiln or its filters; no page was chosen or dropped by how a filter scores it. Sources, versions and licences:
HELDOUT6.md beside this file.

Standard library only (node runs the generators, as in the earlier builders); seeded, gzip mtime 0, so re-running
on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid6/deb DEB_X=/tmp/fid6/x NPM_PACK=/tmp/fid6/pack python3 build_heldout6_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT6.md states.)
"""
import ast
import glob
import html
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(6, 20261214)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_of, deb_src, html_text,  # noqa: E402
                            lic_src, npm_meta, pack_src, pieces, read, take, unwrap, write)



# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const M = process.argv[1] + '/';
// a seeded Math.random (mulberry32) for the generators, which take no seed of their own
let s = 20261214 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
// react-lorem-ipsum's plain loremIpsum() function needs neither react nor prop-types: stub both
const stub = new Proxy(function () {}, {get: (t, k) => (k === '__esModule' ? false : stub), apply: () => stub});
const Module = require('module'); const req = Module.prototype.require;
Module.prototype.require = function (id) { if (id === 'react' || id === 'prop-types') return stub; return req.apply(this, arguments); };
(async () => {
const out = {};
const rl = require(M + 'react-lorem-ipsum-1.4.10/package/dist/index.js');
out.rl = []; for (let i = 0; i < 15; i++) out.rl.push(rl.loremIpsum({p: 3 + (i % 3), avgWordsPerSentence: 6 + (i % 5), avgSentencesPerParagraph: 4 + (i % 4), startWithLoremIpsum: i % 2 === 0, random: true}).join('\n'));
const fk = require(M + 'fakerator-0.3.6/package/dist/fakerator.js')();
fk.seed(20261214);
out.fk = []; for (let i = 0; i < 11; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(fk.lorem.paragraph() + ' ' + fk.lorem.paragraph()); out.fk.push(ps.join('\n')); }
const mk = require(M + 'mockjs-1.1.0/package/dist/mock.js').Random;
out.mkw = []; for (let i = 0; i < 9; i++) { const ps = [mk.title(3, 7)]; for (let k = 0; k < 3 + (i % 3); k++) ps.push(mk.paragraph(4, 8)); out.mkw.push(ps.join('\n')); }
out.mkc = []; for (let i = 0; i < 7; i++) { const ps = [mk.ctitle(6, 14)]; for (let k = 0; k < 3 + (i % 3); k++) ps.push(mk.cparagraph(4, 9)); out.mkc.push(ps.join('\n')); }
// random-words is an ES module whose only import (seedrandom) serves the `seed` option, not used here
const fs = require('fs');
const src = fs.readFileSync(M + 'random-words-2.0.1/package/index.js', 'utf8').replace(/^import seedrandom from "seedrandom";$/m, 'const seedrandom = null;');
const rw = await import('data:text/javascript;base64,' + Buffer.from(src).toString('base64'));
const cap = (w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w);
out.rw = []; for (let i = 0; i < 9; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) { const ss = []; for (let j = 0; j < 4 + ((i + k) % 4); j++) ss.push(rw.generate({min: 6, max: 15, wordsPerString: 1, formatter: cap, join: ' '}).replace(/^(\w)/, c => c.toUpperCase()) + '.'); ps.push(ss.join(' ')); } out.rw.push(ps.join('\n')); }
console.log(JSON.stringify(out));
})();
"""
gen = json.loads(subprocess.run(["node", "-e", node, PACK], capture_output=True, text=True, check=True).stdout)

chrome = ["Home", "Destinations", "Plan your trip", "Deals", "Travel guides", "About us", "Contact", "Sign in",
          "Register", "Search", "My bookings", "Gift cards", "Skip to main content", "Follow us", "Subscribe",
          "Continue reading", "Older posts", "Newer posts", "Categories: travel, tips", "Share on Facebook",
          "Pinterest", "© 2026 Wayfarer & Co.", "Terms · Sitemap", "Back to top", "Help centre"]
gens = [("react-lorem", "react-lorem-ipsum-1.4.10", "rl", "loremIpsum({p: 3..5, avgWordsPerSentence: 6..10, avgSentencesPerParagraph: 4..7, startWithLoremIpsum, random: true}) (dist/lorem-ipsum, its Latin word list)"),
        ("fakerator", "fakerator-0.3.6", "fk", "fakerator().lorem.paragraph() twice a paragraph, 3 to 5 paragraphs, fakerator.seed(20261214) (its Latin lorem words)"),
        ("mockjs-words", "mockjs-1.1.0", "mkw", "Random.title(3, 7) and 3 to 5 Random.paragraph(4, 8) (dist/mock.js: random-letter pseudo-words)"),
        ("mockjs-chinese", "mockjs-1.1.0", "mkc", "Random.ctitle(6, 14) and 3 to 5 Random.cparagraph(4, 9) (dist/mock.js: random Chinese characters)"),
        ("random-words", "random-words-2.0.1", "rw", "generate({min: 6, max: 15, join: ' '}) as sentences (first word capitalised, full stop), 4 to 7 a paragraph, 3 to 5 paragraphs (its common-English word list)")]
for key, pdir, g, how in gens:
    name, v, lic = npm_meta(os.path.join(PACK, pdir, "package"))
    for i, p in enumerate(gen[g]):
        p = "\n".join(x.strip() for x in p.replace("\r\n", "\n").split("\n") if x.strip())
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {name} {v} (npm pack) {how}, Math.random seeded (mulberry32 20261214) ({lic})", text)


# ---------------------------------------------------------------- code
code_pages(X("libcmdliner-ocaml-dev", "**/*.ml", "**/*.mli"), "ocaml", lic_src("ISC"), 8)
code_pages(take(X("gforth-common", "usr/share/gforth/**/*.fs"), 100), "forth", lic_src("GPL-3+"), 8)
code_pages(X("ghdl-common", "**/*.vhdl"), "vhdl", lic_src("GPL-2+ (ghdl), IEEE/VITAL library sources per file"), 8)
code_pages(X("iverilog", "**/*.v", "**/*.vl"), "verilog", lic_src("GPL-2+"), 4)
code_pages(take(X("texlive-latex-base", "usr/share/texlive/texmf-dist/tex/latex/**/*.sty", "usr/share/texlive/texmf-dist/tex/latex/**/*.cls",
                  "usr/share/texlive/texmf-dist/tex/latex/**/*.ltx"), 100), "latex", lic_src("LPPL-1.3c"), 8)
code_pages(X("libfftw3-dev", "**/*.f03", "**/*.f"), "fortran", lic_src("GPL-2+"), 4)
code_pages(X("python3-xmlschema", "**/*.xsd"), "xml-schema", lic_src("MIT (xmlschema); W3C schemas under the W3C licence"), 8)
code_pages(X("cloud-init", "**/schemas/*.json"), "json", lic_src("Apache-2.0 or GPL-3"), 4, per_file=3)
code_pages(X("netplan.io", "**/examples/*.yaml") + X("ejabberd", "usr/share/doc/ejabberd/examples/ejabberd.yml")
           + X("cloud-init", "etc/cloud/cloud.cfg"), "yaml", lic_src("GPL-3 (netplan), GPL-2+ (ejabberd), Apache-2.0/GPL-3 (cloud-init)"), 8)
code_pages(X("librust-clap-dev", "**/Cargo.toml") + X("librust-tokio-dev", "**/Cargo.toml") + X("librust-hyper-dev", "**/Cargo.toml"),
           "toml", lic_src("MIT or Apache-2.0 (clap, tokio: MIT; hyper: MIT)"), 3, per_file=1)
code_pages(X("ejabberd", "usr/share/ejabberd/sql/*.sql"), "sql", lic_src("GPL-2+"), 6)
code_pages(X("varnish", "**/*.vcl"), "vcl", lic_src("BSD-2-Clause"), 3)
code_pages(X("php8.2-common", "**/php.ini-*") + X("samba-common", "**/smb.conf*"), "ini", lic_src("PHP-3.01 (php.ini), GPL-3+ (samba)"), 4)
DAEMON = (X("redis-server", "etc/redis/*.conf") + X("mosquitto", "usr/share/doc/mosquitto/examples/*.conf*", "etc/mosquitto/*.conf")
          + X("unbound", "usr/share/doc/unbound/examples/*.conf*") + X("tor", "usr/share/tor/tor-service-defaults-torrc", "etc/tor/torrc")
          + X("monit", "etc/monit/monitrc") + X("collectd-core", "usr/share/doc/collectd-core/examples/collectd.conf")
          + X("cups-daemon", "usr/share/cups/cupsd.conf.default") + X("squid-common", "**/squid.conf*")
          + X("prosody", "etc/prosody/prosody.cfg.lua") + X("icecast2", "etc/icecast2/icecast.xml"))
code_pages(DAEMON, "daemon-config", lambda f: deb_src(f, "the package's licence (see its copyright)"), 10, per_file=1)


def unit_dump(files):
    """Unit files as `systemctl cat` prints them: each under a `# /path` line."""
    return "\n".join(f"# /{f[len(DEB_X) + 1:].split('/', 1)[1]}\n" + read(f).strip() + "\n" for f in files)


UNITS = sorted(glob.glob(DEB_X + "/*/lib/systemd/system/*.service") + glob.glob(DEB_X + "/*/lib/systemd/system/*.socket")
               + glob.glob(DEB_X + "/*/lib/systemd/system/*.timer") + glob.glob(DEB_X + "/*/lib/systemd/system/*.path"))
by_pkg = {}
for f in UNITS:
    by_pkg.setdefault(deb_of(f)[0], []).append(f)
units = [(pkg, unit_dump(fs)) for pkg, fs in sorted(by_pkg.items())]
k = 0
for pkg, t in take(units, len(units)):
    if k < 6 and len(t) >= 800:
        k += add("code", "systemd-unit", f"Debian {pkg} {deb_of(by_pkg[pkg][0])[1]} (apt-get download) lib/systemd/system/* "
                 "(the package's units, as `systemctl cat` prints them) (the package's licence)", cut(t))
code_pages(X("lilypond-data", "**/*.ly"), "lilypond", lic_src("GPL-3+"), 6)
code_pages(X("asymptote", "**/*.asy"), "asymptote", lic_src("LGPL-3+"), 6)
code_pages(X("povray-includes", "**/*.inc"), "povray", lic_src("AGPL-3+ (POV-Ray 3.7 includes)"), 6)
code_pages(X("openscad-mcad", "**/*.scad"), "openscad", lic_src("LGPL-2.1+"), 5)
code_pages(X("graphviz-doc", "**/*.gv", "**/*.gv.gz"), "dot", lic_src("EPL-1.0"), 5)
code_pages(X("regina-rexx", "**/*.rexx"), "rexx", lic_src("LGPL-2+"), 4)
code_pages(X("bwbasic", "**/*.bas"), "basic", lic_src("GPL-2"), 4)
code_pages(X("neovim-runtime", "**/*.lua"), "lua", lic_src("Apache-2.0 and Vim licence"), 8)

# ---------------------------------------------------------------- policy
copyright_pages(most=40)

# licence texts of choosealicense.com as the npm list ships them ([year] [fullname] placeholders as they are)
CAL = P("rexxars-choosealicense-list-1.1.2", "licenses.json")[0]
cal = json.loads(read(CAL))
k = 0
for key in take(sorted(cal), len(cal)):
    body = cal[key].get("body", "")
    if k < 16 and len(body) > 600:
        k += add("policy", "choosealicense", pack_src(CAL) + f" [{key}] body (the licence text itself)", cut(unwrap(body)))

lic_files = sorted([f for f in glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/license*") if not f.endswith(".json")]
                   + X("librust-clap-dev", "**/LICENSE*") + X("librust-hyper-dev", "**/LICENSE*") + X("librust-tokio-dev", "**/LICENSE*")
                   + X("linux-doc-6.1", "**/scsi/LICENSE.FlashPoint.gz") + X("texlive-latex-base", "**/Licenses.gz"))
bodies = set()
k = 0
for f in take(lic_files, len(lic_files)):
    t = unwrap(read(f))
    body = " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text itself")
    if k < 9 and len(t) > 600 and body not in bodies and add("policy", "package-licence", src + " licence text", cut(t)):
        bodies.add(body)
        k += 1

# licence and copyright pages of the downloaded manuals, as the HTML page's text
for f, lic, main in [(X("sqlite3-doc", "usr/share/doc/sqlite3/copyright.html")[0], "the project's public-domain dedication", ()),
                     (X("renpy-doc", "usr/share/doc/renpy/html/license.html")[0], "Ren'Py's licence page", {"main"}),
                     (X("bibletime-data", "usr/share/bibletime/license/license.html")[0], "GPL-2 (the licence text itself)", ()),
                     (X("linux-doc-6.1", "usr/share/doc/linux-doc-6.1/html/process/license-rules.html")[0], "GPL-2.0 (the kernel's licensing rules)", {"main"})]:
    t = html_text(f, skip={"sphinxsidebar", "related", "footer", "nav", "navbar", "menu", "header"}, main=main).replace("¶", "")
    ps = pieces(t, 1500, 4000)
    for c in ps[:2]:
        add("policy", "doc-licence", deb_src(f, lic), c)


def detag(s):
    return " ".join(re.sub(r"<[^>]+>", " ", s).split()).replace(" .", ".").replace(" ,", ",")


# GOV.UK Frontend: its cookie-banner examples (fixtures.json, rendered HTML) as the banner's text, a few examples a page
GF = P("govuk-frontend-6.6.0", "dist/govuk/components/cookie-banner/fixtures.json")[0]
blocks, seen_b = [], set()
for x in json.loads(read(GF))["fixtures"]:
    h = re.sub(r"(?s)<(button|a)\b[^>]*>(.*?)</\1>", lambda m: "\n" + " ".join(m.group(2).split()) + "\n", x["html"])
    h = re.sub(r"</(p|h2|div)>", "\n", h)
    lines = [" ".join(re.sub(r"<[^>]+>", "", l).split()) for l in h.split("\n")]
    b = "\n".join(l for l in lines if l)
    if b and b not in seen_b:
        seen_b.add(b)
        blocks.append(b)
for i in range(0, len(blocks), 4):
    add("policy", "cookie-govuk", pack_src(GF) + " (cookie-banner examples: banner, accepted and rejected messages)", "\n".join(blocks[i:i + 4]))

# ONS design system: the cookies banner's English and Welsh default strings (components/cookies-banner/_macro.njk)
ONS = P("ons-design-system-72.11.0", "components/cookies-banner/_macro.njk")[0]
njk = read(ONS)
for lang, part in zip(["cy", "en"], njk.split("{% else %}", 1)):
    ss = [detag(m.group(1)) for m in re.finditer(r"\{% set \w+ = '((?:[^'\\]|\\.)*)' %\}", part)]
    ss = [s for s in ss if not s.startswith("/") and len(s) > 3]
    add("policy", "cookie-ons", pack_src(ONS) + f" (cookies-banner default strings, {lang})", "\n".join(ss))


# consent-banner strings of four small libraries (their default English texts), one page each where long enough
def js_strings(path, pat=r"\"((?:[^\"\\]|\\.){25,})\"|'((?:[^'\\]|\\.){25,})'"):
    out = []
    for m in re.finditer(pat, read(path)):
        s = (m.group(1) or m.group(2) or "").replace("\\'", "'").replace('\\"', '"')
        if " " in s and re.search(r"[a-z] [a-z]", s) and not re.search(r"[{}();=<>]|\\n|https?:|\$\{", s) and s not in out:
            out.append(s)
    return out


for pdir, rel, kind in [("react-cookie-manager-5.4.1", "dist/index.js", "cookie-react-manager"),
                        ("react-hook-consent-3.5.3", "dist/index.js", "cookie-react-hook-consent"),
                        ("edx-frontend-component-cookie-policy-banner-3.0.0", "build/constants.js", "cookie-edx"),
                        ("vue-cookie-law-1.13.3", "dist/vue-cookie-law.js", "cookie-vue-law")]:
    f = P(pdir, rel)[0]
    ss = [s for s in js_strings(f) if re.search(r"(?i)cookie|consent|privacy|track|analytic|preferenc|website|personal|advert|essential", s)]
    add("policy", kind, pack_src(f) + " (consent-banner strings)", cut("\n".join(ss)))

# TELUS design system: the offer terms-and-conditions fine print of its TermsAndConditions examples
TC = P("tds-core-terms-and-conditions-1.4.1", "TermsAndConditions.md")[0]
tcs = []
for m in re.finditer(r"'((?:[^'\\]|\\.){60,})'", read(TC)):
    if m.group(1) not in tcs:
        tcs.append(m.group(1).replace("\\'", "'"))
for c in pieces("\n".join(tcs), 1500, 4000)[:2]:
    add("policy", "terms-telus", pack_src(TC) + " (offer terms and conditions of the component's examples)", c)

# ---------------------------------------------------------------- clean
SPHINX_SKIP = {"sphinxsidebar", "related", "footer", "headerlink", "navbar", "nav", "wy-nav-side", "rst-footer-buttons",
               "breadcrumbs", "wy-breadcrumbs", "toctree-wrapper", "header", "page-header", "sidebar"}
DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "NAVHEADER", "NAVFOOTER", "footnotes", "menu", "header", "footer",
            "navigation", "nav", "breadcrumbs", "sidebar", "menubar"}


def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000, drop=(), drop_re=None):
    k = 0
    for f in files:
        if k >= n:
            break
        t = html_text(f, skip=skip, main=main).replace(" ¶", "").replace("¶", "")
        t = "\n".join(l for l in t.split("\n") if l.strip() not in drop and not (drop_re and re.fullmatch(drop_re, l.strip())))
        ps = pieces(t, lo, hi)
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), c)


# Dungeon Crawl Stone Soup: the in-game descriptions (monsters, gods, items, places) and the quotations beside them
CR = "usr/share/crawl/dat/descript/"


def crawl_entries(path):
    out = []
    for e in read(path).split("%%%%"):
        lines = [l for l in e.strip("\n").split("\n") if not l.startswith("#")]
        while lines and not lines[0].strip():
            lines.pop(0)
        if len(lines) < 3 or lines[0].startswith("_") or re.search(r"[<>{}@]|\$", "\n".join(lines[1:])):
            continue
        out.append((lines[0].strip(), "\n".join(lines[1:])))
    return out


lore = []
for f in X("crawl-common", CR + "monsters.txt", CR + "gods.txt", CR + "items.txt", CR + "features.txt", CR + "branches.txt",
           CR + "unrand.txt", CR + "spells.txt"):
    ents = crawl_entries(f)
    lore += [(f, c.replace("\n\n", "\n")) for c in pieces("\n\n".join(name + "\n" + unwrap(body) for name, body in ents), 1500, 4000, sep="\n\n")]
k = 0
for f, c in take(lore, len(lore)):
    if k < 14:
        k += add("clean", "crawl-lore", deb_src(f, "GPL-2+"), c)

QF = X("crawl-common", CR + "quotes.txt")[0]
quotes = []
for name, body in crawl_entries(QF):
    ls = [l.strip() for l in body.split("\n") if l.strip()]
    a = next((i for i, l in enumerate(ls) if l.startswith("-")), len(ls))  # the attribution and its wrapped lines
    text, attr = ls[:a], ls[a:]
    verse = len(text) >= 3 and all(len(l) < 60 for l in text)
    quotes.append(("\n".join(text) if verse else " ".join(text)) + ("\n" + " ".join(attr) if attr else ""))
qp = [c.replace("\n\n", "\n") for c in pieces("\n\n".join(quotes), 1500, 4000, sep="\n\n")]  # whole quotations
k = 0
for c in take(qp, len(qp)):
    if k < 12:
        k += add("clean", "crawl-quotes", deb_src(QF, "GPL-2+; quotations as collected (public-domain and quoted works)"), c)


# Freeciv: the built-in help (helpdata.txt) and the nations' legends (nation/*.ruleset)
def po_strings(s):
    return [m.group(1).replace('\\"', '"').replace("\\n", "\n") for m in re.finditer(r'_\("((?:[^"\\]|\\.)*)"\)', s.replace("\\\n", ""))]


HD = X("freeciv-data", "usr/share/games/freeciv/helpdata.txt")[0]
nodes = []
for sec in re.split(r"\n\[help_\w+\]\n", read(HD))[1:]:
    m = re.search(r'name\s*=\s*_\("(?:\?help:)?([^"]*)"\)', sec)
    tm = re.search(r"(?s)\ntext\s*=\s*(.*?)(?:\n\w+\s*=|\Z)", sec)
    if m and tm:
        paras = [" ".join(p.split()) for p in po_strings(tm.group(1)) if not p.startswith("$")]
        if paras:
            nodes.append(m.group(1).strip() + "\n" + "\n".join(p for p in paras if p))
hp = pieces("\n".join(nodes), 1500, 4000)
k = 0
for c in take(hp, len(hp)):
    if k < 8:
        k += add("clean", "freeciv-help", deb_src(HD, "GPL-2+"), c)
legends = []
for f in X("freeciv-data", "usr/share/games/freeciv/nation/*.ruleset"):
    s = read(f)
    pl = re.search(r'plural\s*=\s*_\("\?plural:([^"]*)"\)', s)
    lg = re.search(r'(?s)legend\s*=\s*(_\(".*?"\))', s)
    if pl and lg:
        t = " ".join(" ".join(po_strings(lg.group(1))).split())
        if len(t) > 80:
            legends.append(pl.group(1) + "\n" + t)
lp = pieces("\n".join(take(legends, len(legends))), 1500, 4000)
for c in lp[:8]:
    add("clean", "freeciv-legends", deb_src(X("freeciv-data", "usr/share/games/freeciv/nation/abkhaz.ruleset")[0].rsplit("/", 1)[0] + "/*.ruleset", "GPL-2+"), c)

# tfortunes epigrams (English, tagged fortune format) and Debian hints
TF = X("tfortunes", "usr/share/games/tfortunes/epigrams/en.tfortunes")[0]
eps = []
for e in re.split(r"\n---- [^\n]*\n?", read(TF)):
    ls = [l.rstrip() for l in e.strip("\n").split("\n") if l.strip()]
    if not ls:
        continue
    attr = ""
    m = re.match(r"(.*?)\s{2,}(--.*)$", ls[-1])
    if m:
        ls[-1], attr = m.group(1), m.group(2)
    elif re.match(r"\s*--", ls[-1]):
        attr = ls.pop().strip()
    verse = len(ls) >= 3 and all(len(l.strip()) < 52 for l in ls)
    eps.append(("\n".join(l.strip() for l in ls) if verse else " ".join(" ".join(l.split()) for l in ls)) + ("\n" + attr if attr else ""))
ep = [c.replace("\n\n", "\n") for c in pieces("\n\n".join(eps), 1500, 4000, sep="\n\n")]  # whole epigrams
k = 0
for c in take(ep, len(ep)):
    if k < 6:
        k += add("clean", "epigrams", deb_src(TF, "quotations as collected; package GPL-3+"), c)
DH = X("fortunes-debian-hints", "usr/share/games/fortunes/debian-hints")[0]
dh = [" ".join(q.split()) for q in read(DH).split("\n%\n") if q.strip()]
for c in pieces("\n".join(dh), 1500, 4000)[:4]:
    add("clean", "debian-hints", deb_src(DH, "GPL-2+"), c)

# pyjokes: the English programmer jokes (jokes_en.py lists), one per line
PJ = X("python3-pyjokes", "usr/lib/python3/dist-packages/pyjokes/jokes_en.py")[0]
jokes = []
for node_ in ast.parse(read(PJ)).body:
    if isinstance(node_, ast.Assign) and isinstance(node_.value, ast.List):
        jokes += [e.value for e in node_.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
jp = pieces("\n".join(jokes), 1500, 4000)
for c in take(jp, 3):
    add("clean", "jokes", deb_src(PJ, "CC-BY-SA-3.0 (Stack Overflow) / BSD-3-Clause"), c)

# Reuters-21578 news stories as r-cran-tm ships them (texts/acq, texts/crude: one XML document a story)
RT = X("r-cran-tm", "usr/lib/R/site-library/tm/texts/acq/*.xml", "usr/lib/R/site-library/tm/texts/crude/*.xml")
k = 0
for f in take(RT, len(RT)):
    s = read(f)
    title = re.search(r"(?s)<TITLE>(.*?)</TITLE>", s)
    body = re.search(r"(?s)<BODY>(.*?)</BODY>", s)
    if body and k < 20:
        t = unwrap(html.unescape(body.group(1)))
        t = (" ".join(html.unescape(title.group(1)).split()).title() + "\n" if title else "") + t
        k += add("clean", "reuters-news", deb_src(f, "Reuters-21578 (freely available for research); package GPL-3"), t)

# manuals and guides, as their HTML pages' text (Sphinx pages only role="main")
BT = "usr/share/doc/bibletime-data/"
html_pages(take(X("bibletime-data", BT + "howto/html/en/*.html"), 20), "bibletime-howto", "GPL-2 (see copyright)", 6, DOC_SKIP, per_file=2)
html_pages(take(X("bibletime-data", BT + "handbook/html/en/*.html"), 40), "bibletime-handbook", "GPL-2 (see copyright)", 6, DOC_SKIP)
RP = [f for f in X("renpy-doc", "usr/share/doc/renpy/html/*.html") if not re.search(r"genindex|search|license|py-modindex|index\.html$|changelog|incompatible", f)]
html_pages(take(RP, len(RP)), "renpy-doc", "MIT (see copyright)", 12, SPHINX_SKIP, main={"main"})
CA = [f for f in X("c++-annotations-html", "usr/share/doc/c++-annotations/html/cplusplus[0-9]*.html")]
html_pages(take(CA, len(CA)), "cplusplus-annotations", "GPL-3 (see copyright)", 10, DOC_SKIP, per_file=2,
           drop={"Table of Contents", "Previous Chapter", "Next Chapter"})
FR = [f for f in X("frr-doc", "usr/share/doc/frr/html/*.html") if not re.search(r"genindex|search|index\.html$|glossary", f)]
html_pages(take(FR, len(FR)), "frr-doc", "GPL-2+ (see copyright)", 10, SPHINX_SKIP, main={"main"})
SQ = [f for f in X("sqlite3-doc", "usr/share/doc/sqlite3/*.html")
      if not re.search(r"copyright|license|consortium|codeofconduct|doc_|index|sitemap|keyword|changes|chronology|docs\.html|releaselog|toc|capi3ref|c3ref|syntax|pragma|lang\.html|lang_keywords|download|famous|crew", f)]
html_pages(take(SQ, len(SQ)), "sqlite-doc", "public domain", 16, {"nosearch", "menu", "submenu", "searchmenu", "header", "footer"})
RM = X("r-doc-html", "usr/share/R/doc/manual/R-intro.html", "usr/share/R/doc/manual/R-FAQ.html", "usr/share/R/doc/manual/R-lang.html",
       "usr/share/R/doc/manual/R-admin.html", "usr/share/R/doc/manual/R-data.html")
html_pages(RM, "r-manuals", "GPL-2+ / the manuals' verbatim-copying permission", 10, {"contents", "shortcontents", "header", "navigation"}, per_file=2)
HR = [f for f in X("haskell98-report", "**/haskell98-report-html/*.html")
      if re.search(r"/(intro|lexemes|exps|decls|modules|basic|io-13|preface-jfp|literate|pragmas)\.html$", f)]
html_pages(take(HR, len(HR)), "haskell-report", "the Report's verbatim-copying permission (see copyright)", 8, DOC_SKIP,
           drop_re=r"top \| back \| next \| contents( \| function index)?|(top|back|next|contents|function index)( \|)?")
LM = [f for f in X("live-manual-html", "usr/share/doc/live-manual/html/live-manual/*.en.html") if not re.search(r"toc|index|metadata|sisu_manifest", f)]
html_pages(take(LM, len(LM)), "live-manual", "GPL-3+ (see copyright)", 10, {"banner", "toc", "minitoc", "top_band", "bottom_band", "nav",
                                                                        "ocn", "lnkocn"}, per_file=2)
html_pages(X("debian-edu-doc-en", "usr/share/doc/debian-edu-doc-en/debian-edu-bookworm-manual.html"), "debian-edu-manual", "GPL-2+ (see copyright)",
           6, DOC_SKIP, per_file=6)
LD = "usr/share/doc/linux-doc-6.1/html/"
LK = [f for f in X("linux-doc-6.1", LD + "admin-guide/*.html", LD + "process/*.html", LD + "doc-guide/*.html", LD + "filesystems/*.html",
                   LD + "kernel-hacking/*.html", LD + "dev-tools/*.html", LD + "scheduler/*.html")
      if not re.search(r"index\.html$|license|code-of-conduct|kernel-enforcement|/abi|embargoed|contribution-maturity|researcher-guidelines", f)]
html_pages(take(LK, len(LK)), "linux-kernel-docs", "GPL-2.0 (see copyright)", 14, SPHINX_SKIP, main={"main"})
NV = X("neovim-runtime", "usr/share/nvim/runtime/doc/usr_[0-9]*.txt")
k = 0
for f in take(NV, len(NV)):
    t = "\n".join(l.rstrip() for l in read(f).split("\n") if l.strip() and not re.fullmatch(r"[=\-*]{10,}", l.strip()) and not l.startswith("vim:"))
    ps = pieces(t, 1500, 4000)
    if ps and k < 8:
        k += add("clean", "neovim-user-manual", deb_src(f, "Vim licence / Apache-2.0 (see copyright)"), ps[0])
MC = X("mc-data", "usr/share/mc/help/mc.hlp")[0]
mc = read(MC)
mc = mc[mc.find("\x04[DESCRIPTION]"):]  # from the first topic on (not the contents node)
mc = re.sub(r"\x04\[[^\]]*\]", "\n\n", re.sub(r"\x01([^\x02]*)\x02[^\x03]*\x03", r"\1", mc))  # links, node headers
mc = re.sub(r"[\x00-\x08\x0b-\x1f]", "", mc)
mc = unwrap(mc)
mcp = pieces(mc, 1500, 4000)
for c in mcp[:1] + take(mcp[1:], 2):
    add("clean", "mc-help", deb_src(MC, "GPL-3+"), c)
NEWS = sorted(glob.glob(DEB_X + "/*/usr/share/doc/*/NEWS.Debian.gz"))
k = 0
for f in take(NEWS, len(NEWS)):
    t = unwrap(read(f))
    t = "\n".join(l for l in t.split("\n") if not re.match(r"-- .*<.*>\s+\w{3}, ", l))  # the maintainer's sign-off lines
    ps = pieces(t, 1500, 4000) or ([t] if len(t) > 600 else [])
    if ps and k < 6:
        k += add("clean", "debian-news", deb_src(f, "the package's licence (see copyright)"), ps[0])

out = os.path.join(HERE, "heldout6-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
