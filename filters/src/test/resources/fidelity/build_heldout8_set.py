#!/usr/bin/env python3
"""Builds heldout8-set.jsonl.gz: an eighth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py ..
build_heldout7_set.py), through the shared helpers of fidelity_build.py: pieces of whole lines, paragraphs one per
line as a web page's extracted text has them, list items one per line, each text once. Every source is new: no npm
package or Debian package that an earlier set names (in a `source` field, its .md file or its builder) is read, and
a page whose first 200 characters occur in an earlier page (the eight earlier sets and text-lorem.jsonl) is dropped.
Debian files come from packages NOT installed on the build machine, fetched with `apt-get download` and unpacked
with `dpkg-deb -x` (one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK,
and buzzphrase and @fakerjs/paragraph installed under NPM_HO8 (node runs them). Nothing here ran kiln or its
filters; no page was chosen or dropped by how a filter scores it. Sources, versions and licences: HELDOUT8.md.

Standard library only (node runs the two generators); seeded, gzip mtime 0, so re-running on the same package
versions gives the same bytes.

usage: DEB_DIR=/tmp/fid8/deb DEB_X=/tmp/fid8/x NPM_PACK=/tmp/fid8/pack NPM_HO8=/tmp/fid8/npm python3 build_heldout8_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT8.md states.)
"""
import glob
import json
import os
import re
import struct
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
NPM = os.environ.get("NPM_HO8", "/tmp/fid8/npm")
SEED = 20261216
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(8, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text,  # noqa: E402
                            lic_src, npm_meta, pack_src, pieces, read, rnd, take, text_of, unwrap, wml_dialogue,
                            write)




def strs(v):
    """A JSON text field as a string: plain, {"str": ...} or {"str_sp": ...}."""
    if isinstance(v, dict):
        v = v.get("str") or v.get("str_sp") or ""
    return v if isinstance(v, str) else ""


# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const N = process.argv[1] + '/node_modules/';
// a seeded Math.random (mulberry32): both generators draw from Math.random
let s = 20261216 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
(async () => {
const out = {};
const B = require(N + 'buzzphrase');
const F = ['{V} {a} {N}', '{i} {a} {N}', '{d} {V} {a} {N}', '{a} {n} {j}', '{v} {a} {N}'];
out.buzz = []; for (let i = 0; i < 22; i++) { const ps = [B.get({format: '{a} {N}'}).replace(/^./, c => c.toUpperCase())];
  for (let k = 0; k < 3 + (i % 3); k++) { const ss = []; for (let j = 0; j < 3 + ((i + k) % 4); j++) {
    const x = B.get({format: F[Math.floor(Math.random() * F.length)], iterations: 1 + Math.floor(Math.random() * 3)});
    ss.push(x[0].toUpperCase() + x.slice(1) + '.'); } ps.push(ss.join(' ')); }
  out.buzz.push(ps.join('\n')); }
const P = (await import(N + '@fakerjs/paragraph/index.js')).default;
out.faker = []; for (let i = 0; i < 16; i++) { const ps = [];
  for (let k = 0; k < 3 + (i % 4); k++) ps.push(P({sentences: 3 + ((i + k) % 5), wordsMin: 4, wordsMax: 12}));
  out.faker.push(ps.join('\n')); }
console.log(JSON.stringify(out));
})();
"""
gen = json.loads(subprocess.run(["node", "-e", node, NPM], capture_output=True, text=True, check=True).stdout)

# Geany's Lipsum plugin: its built-in Lorem text, which the plugin repeats to the length asked for; here cut into
# paragraphs starting at a drawn sentence, as the plugin's output pasted into a page
LS = [f for f in X("geany-plugin-lipsum", "**/*.so")][0]
lips = max(re.findall(rb"Lorem ipsum[ -~]{200,}", open(LS, "rb").read()), key=len).decode("ascii").strip()
lsent = [x.strip() for x in re.split(r"(?<=\.)\s+", lips) if x.strip()]
gen["lipsum"] = []
for i in range(14):
    ps, k = [], rnd.randrange(len(lsent))
    for _ in range(3 + i % 3):
        n = rnd.randint(3, 6)
        ps.append(" ".join(lsent[(k + j) % len(lsent)] for j in range(n)))
        k += n
    gen["lipsum"].append("\n".join(ps))

chrome = ["Buy", "Rent", "Sell", "New homes", "Find an agent", "Mortgage calculator", "Sign in", "Saved searches",
          "Skip to main content", "Listing details", "Schedule a viewing", "Request more info", "3 beds · 2 baths · 1,450 sq ft",
          "Offers over £425,000", "Energy rating C", "Share this listing", "Report this listing", "Similar homes nearby",
          "Recently viewed", "© 2026 Harbourline Estates Ltd", "Privacy", "Sitemap", "Back to results", "Virtual tour",
          "Floor plan"]
gens = [("buzzphrase", "buzzphrase-3.2.1", "buzz",
         "get({format, iterations}) on five formats ({V} {a} {N}, {i} {a} {N} ...), 3 to 6 a paragraph, a title line (its English buzzword lists; Math.random seeded by mulberry32 20261216)"),
        ("fakerjs-paragraph", "fakerjs-paragraph-1.0.0", "faker",
         "paragraph({sentences: 3..7, wordsMin: 4, wordsMax: 12}), 3 to 6 a page (semi-pronounceable made-up words; Math.random seeded by mulberry32 20261216)")]
for key, pdir, g, how in gens:
    name, v, lic = npm_meta(os.path.join(PACK, pdir, "package"))
    for i, p in enumerate(gen[g]):
        p = "\n".join(x.strip() for x in p.split("\n") if x.strip())
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {name} {v} (npm pack) {how} ({lic})", text)
for i, p in enumerate(gen["lipsum"]):
    text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
    add("lorem", "geany-lipsum", deb_src(LS, "GPL-2+") + " (the plugin's built-in Lorem text, 3 to 6 sentences a paragraph from a "
        "drawn sentence on, cycling as the plugin does; random.Random(20261216))", text)

# ---------------------------------------------------------------- code
code_pages(X("tklib", "**/*.tcl"), "tcl", lic_src("BSD-style Tcl licence"), 14)
code_pages(X("scheme9", "**/*.scm"), "scheme", lic_src("public domain / CC0 (see copyright)"), 14)
code_pages(X("erlang-examples", "**/*.erl"), "erlang", lic_src("Apache-2.0"), 12)
code_pages(X("erlang-examples", "**/Makefile"), "makefile", lic_src("Apache-2.0"), 3, per_file=1)
code_pages(X("cl-alexandria", "**/*.lisp", "**/*.asd"), "common-lisp", lic_src("public domain / MIT-style (see copyright)"), 10)
code_pages(X("elpa-haskell-mode", "**/*.el"), "emacs-lisp", lic_src("GPL-3+"), 12)
code_pages(X("swi-prolog-nox", "**/*.pl"), "prolog", lic_src("BSD-2-Clause"), 10)
code_pages(X("sass-stylesheets-gutenberg", "**/*.scss"), "scss", lic_src("MIT"), 8)
code_pages(X("python3-virtualenv", "**/activation/*/activate*") + X("nix-bin", "**/*.nix"), "shell-scripts",
           lambda f: deb_src(f, "MIT" if "virtualenv" in f else "LGPL-2.1+"), 6, lo=600, per_file=1)
code_pages(take(X("openclipart-svg", "**/*.svg"), 300), "svg", lic_src("public domain (Open Clip Art Library)"), 12, per_file=1)
CD = "usr/share/games/cataclysm-dda/json/"
code_pages(take(X("cataclysm-dda-data", CD + "mapgen/*.json"), 100), "json-mapgen", lic_src("CC-BY-SA-3.0"), 8, per_file=1)
code_pages(X("lynx-common", "etc/lynx/*.cfg", "etc/lynx/*.lss"), "lynx-config", lic_src("GPL-2"), 3)
code_pages(X("privoxy", "etc/privoxy/config", "etc/privoxy/*.action", "etc/privoxy/*.filter"), "privoxy-config", lic_src("GPL-2+"), 5)
code_pages(take(X("xscreensaver-data-extra", "usr/share/xscreensaver/config/*.xml"), 40), "xml-config", lic_src("MIT-style (xscreensaver)"), 6,
           lo=600, per_file=1)

# ---------------------------------------------------------------- policy
copyright_pages(most=50, later=2, longer_than=0)

lic_files = sorted(f for f in glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/license*")
                   if not f.endswith(".json"))
bodies = set()
k = 0
for f in take(lic_files, len(lic_files)):
    t = unwrap(read(f))
    body = " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]
    if k < 8 and len(t) > 600 and body not in bodies and add("policy", "package-licence", pack_src(f) + " licence text", cut(t)):
        bodies.add(body)
        k += 1
DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "NAVHEADER", "NAVFOOTER", "footnotes", "menu", "header", "footer",
            "navigation", "nav", "breadcrumbs", "sidebar", "menubar", "navCenter", "bottom-nav", "top-nav", "navLeft", "navRight"}
GG = "usr/share/doc/gnucash-docs/gnucash-guide-en/"
for f, lic in [(X("privoxy", "**/privoxy/faq/copyright.html")[0], "GPL-2+ (the FAQ's copyright and licence page)"),
               (X("privoxy", "**/privoxy/user-manual/copyright.html")[0], "GPL-2+ (the manual's copyright and licence page)"),
               (X("gnucash-docs", GG + "fdl-preamble.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section1.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section2.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section3.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section4.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section5.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section6.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section7.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section8.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section9.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-section10.html")[0], "GFDL-1.1 (the guide's licence appendix)"),
               (X("gnucash-docs", GG + "fdl-using.html")[0], "GFDL-1.1 (the guide's licence appendix)")]:
    t = html_text(f, skip=DOC_SKIP)
    ps = pieces(t, 1500, 4000) or ([t] if len(t) > 600 else [])
    for c in ps[:1]:
        add("policy", "doc-licence", deb_src(f, lic), cut(c))


def js_strings(s, n=25):
    """Quoted strings of a script or JSON file that read as English or European prose (no code, markup or URL)."""
    out = []
    for m in re.finditer(r"\"((?:[^\"\\]|\\.){%d,})\"|'((?:[^'\\]|\\.){%d,})'|`([^`$]{%d,})`" % (n, n, n), s):
        v = (m.group(1) or m.group(2) or m.group(3) or "").replace("\\'", "'").replace('\\"', '"').replace("\\u00a0", " ")
        v = re.sub(r"\\u([0-9a-fA-F]{4})", lambda x: chr(int(x.group(1), 16)), v)
        v = " ".join(re.sub(r"<[^>]+>", " ", v).split())
        if " " in v and re.search(r"\w \w", v) and not re.search(r"[{}();=]|\\n|https?:|\$\{|^[./@#]|\b(var|function|return|const)\b", v) \
                and v not in out:
            out.append(v)
    return out


POL = r"(?i)cookie|consent|privacy|track|analytic|preferenc|website|personal|advert|essential|data|partner|marketing|statisti|third|accept|reject"


def consent_page(files, kind, note, need=POL, most=5):
    ss = []
    for f in files:
        ss += [s for s in js_strings(read(f)) if re.search(need, s) and s not in ss]
    t = "\n".join(ss)
    for c in (pieces(t, 1500, 4000) if len(t) > 4000 else [t])[:most]:  # a long collection (several locales) gives up to `most` pages
        add("policy", kind, pack_src(files[0]) + f" ({note})", c)


# (ba-js-cookie-banner and jquery-cookiebar left out: their long strings are media-event lists and option comments)
for pdir, kind, most in [("commercetools-frontend-cookie-consent-3.3.2", "cookie-commercetools", 4),
                         ("coinbase-cookie-banner-1.0.4", "cookie-coinbase", 3),
                         ("angular2-cookie-law-banner-10.0.1", "cookie-angular2-law-banner", 2),
                         ("ngx-cookieconsent-8.0.0", "cookie-ngx-cookieconsent", 2),
                         ("react-cookie-consent-popup-1.5.1", "cookie-react-popup", 2),
                         ("keepist-react-gdpr-cookie-banner-0.4.0", "cookie-keepist", 1),
                         ("weareheavy-nuxt-cookie-consent-1.0.4", "cookie-weareheavy-nuxt", 1),
                         ("sandstreamdev-cookieconsent-1.0.1", "cookie-sandstreamdev", 1),
                         ("sk-web-gui-cookie-consent-2.1.20", "cookie-sk-web-gui", 1),
                         ("dmstr-cookie-consent-0.4.1", "cookie-dmstr", 1),
                         ("nuxt-simple-cookie-consent-1.1.12", "cookie-nuxt-simple", 1),
                         ("vue-cookieconsent-component-1.2.0", "cookie-vue-component", 1),
                         ("s-ui-react-cookie-banner-2.2.0", "cookie-s-ui", 1),
                         ("workday-canvas-kit-react-cookie-banner-4.8.1", "cookie-workday", 1),
                         ("htmlbricks-hb-cookie-law-banner-0.76.5", "cookie-htmlbricks", 1)]:
    fs = [f for f in P(pdir, "**/*.js", "**/*.mjs", "**/*.cjs", "**/*.json", "**/*.vue")  # the shipped texts, not the READMEs
          if not re.search(r"(\.min\.js|\.map|package\.json|CHANGELOG\.md|LICENSE)$", f)]
    if fs:
        consent_page(fs[:60], kind, "consent-banner default texts", most=most)
# Open Terms Archive: its ontology of terms documents (name, then what the document commits the service to)
OT = P("opentermsarchive-terms-types-2.2.0", "termsTypes.json")[0]
ot = []
for name, d in sorted(json.loads(read(OT)).items()):
    if isinstance(d, dict):
        vals = [" ".join(str(v).split()) for v in d.values() if isinstance(v, str) and len(v.split()) > 2]
        vals += [" ".join(str(x).split()) for v in d.values() if isinstance(v, dict) for x in v.values() if isinstance(x, str) and len(x.split()) > 2]
        if vals:
            ot.append(name + "\n" + "\n".join(vals))
for c in take(pieces("\n".join(ot), 1500, 4000), 3):
    add("policy", "terms-types", pack_src(OT) + " (terms-document types and what each covers)", c)

# ---------------------------------------------------------------- clean
def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000, text=None, short=0):
    k = 0
    for f in files:
        if k >= n:
            break
        t = (text(f) if text else html_text(f, skip=skip, main=main)).replace(" ¶", "").replace("¶", "")
        ps = pieces(t, lo, hi) or ([t] if short and len(t) > short else [])
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), cut(c))


# Cataclysm: DDA: in-game newspapers, survivors' notes, lab journals and radio messages, book descriptions
def cdda_texts(path):
    out = []
    for e in json.loads(read(path)):
        for x in (e.get("text") or []) if isinstance(e, dict) and isinstance(e.get("text"), list) else []:
            t = strs(x.get("text") if isinstance(x, dict) else x)
            if t:
                out.append(" ".join(t.split()))
    return out


NEWS = cdda_texts(X("cataclysm-dda-data", CD + "snippets/newspapers.json")[0])
for c in take(pieces("\n".join(t for t in NEWS if len(t) > 80), 1500, 4000), 12):
    add("clean", "cdda-news", deb_src(X("cataclysm-dda-data", CD + "snippets/newspapers.json")[0], "CC-BY-SA-3.0") + " (newspaper snippets)", c)
NOTES = []
for f in X("cataclysm-dda-data", CD + "snippets/survivor_notes.json", CD + "snippets/lab.json", CD + "snippets/radio.json",
           CD + "snippets/epilogue_npc.json", CD + "snippets/epilogue_factions.json"):
    NOTES += [t.replace("\\n", "\n") for t in cdda_texts(f) if len(t) > 120]
for c in take(pieces("\n".join(NOTES), 1500, 4000), 18):
    add("clean", "cdda-notes", deb_src(X("cataclysm-dda-data", CD + "snippets/lab.json")[0].rsplit("/", 1)[0] + "/{survivor_notes,lab,radio,epilogue_*}.json",
                                       "CC-BY-SA-3.0") + " (notes, journals, radio and epilogue texts)", c)
BOOKS = []
for f in X("cataclysm-dda-data", CD + "items/book/*.json"):
    for e in json.loads(read(f)):
        if isinstance(e, dict) and len(strs(e.get("description"))) > 100:
            BOOKS.append(strs(e.get("name")) + "\n" + " ".join(strs(e.get("description")).split()))
for c in take(pieces("\n".join(BOOKS), 1500, 4000), 10):
    add("clean", "cdda-books", deb_src(X("cataclysm-dda-data", CD + "items/book/abstract.json")[0].rsplit("/", 1)[0] + "/*.json", "CC-BY-SA-3.0")
        + " (book names and descriptions)", c)

# Stellarium: the sky cultures' descriptions (astronomy of the Norse, Maori, Navajo ... as the program's info page shows it)
SC = X("stellarium-data", "usr/share/stellarium/skycultures/*/description.en.utf8")
html_pages(take(SC, len(SC)), "stellarium-skycultures", "GPL-2+ / the sky culture's licence (see copyright)", 32, DOC_SKIP, per_file=3,
           short=800)

# Wesnoth campaigns: the scenarios' dialogue (speaker, then the line) and story screens
W16 = "usr/share/games/wesnoth/1.16/data/campaigns/"



for pkg, camp, kind in [("wesnoth-1.16-trow", "The_Rise_Of_Wesnoth", "wesnoth-trow"), ("wesnoth-1.16-ei", "Eastern_Invasion", "wesnoth-ei")]:
    k = 0
    for f in X(pkg, W16 + camp + "/scenarios/*.cfg"):
        ps = pieces("\n".join(wml_dialogue(f)), 1500, 4000)
        for c in ps[:1]:
            if k < 12:
                k += add("clean", kind, deb_src(f, "GPL-2+"), c)


# Strong's Greek and Hebrew dictionaries (SWORD zLD modules: zlib blocks of TEI entries), runs of entries as text
def zld_entries(d):
    zdx, zdt, out = open(d + "/dict.zdx", "rb").read(), open(d + "/dict.zdt", "rb").read(), []
    for i in range(0, len(zdx) - 7, 8):
        off, size = struct.unpack("<II", zdx[i:i + 8])
        b = zlib.decompress(zdt[off:off + size])
        n = struct.unpack("<I", b[:4])[0]
        for j in range(n):
            o, sz = struct.unpack("<II", b[4 + 8 * j:12 + 8 * j])
            e = b[o:o + sz].split(b"\0")[0].decode("utf-8", "replace")
            e = re.sub(r"<orth type=\"writing\">.*?</orth>", "", e)
            e = re.sub(r"<(orth|pron|def)\b", r" <\1", e)
            t = " ".join(text_of(e).split())
            m = re.search(r'n="(\d+)"', e)
            if len(t) > 20:
                out.append((m.group(1) if m else "") + " " + t)
    return out


for pkg, mod, kind in [("sword-dict-strongs-greek", "strongsgreek", "strongs-greek"), ("sword-dict-strongs-hebrew", "strongshebrew", "strongs-hebrew")]:
    d = X(pkg, f"usr/share/sword/modules/lexdict/zld/{mod}/dict.zdx")[0].rsplit("/", 1)[0]
    es = zld_entries(d)
    starts = sorted(take(range(0, max(1, len(es) - 40), 40), 6))
    for s in starts:
        for c in pieces("\n".join(es[s:s + 40]), 1500, 4000)[:1]:
            add("clean", kind, deb_src(d + "/dict.zdt", "public domain (Strong's, 1890)") + " (dictionary entries, as text)", c)

# WordNet 3.0 (dict-wn): runs of consecutive entries, each sense on one line
WN = X("dict-wn", "usr/share/dictd/wn.dict.dz")[0]
ents, cur = [], []
for line in read(WN).split("\n"):
    if line and not line[0].isspace():
        if cur:
            ents.append(cur)
        cur = [line.strip()]
    elif line.strip():
        if re.match(r"\s+(\w+ )?\d+: |\s+[nvar] \d+: |\s+[nvar] : |\s+(adj|adv) ", line) or len(cur) == 1:
            cur.append(line.strip())
        else:
            cur[-1] += " " + line.strip()
ents = [e for e in ents if not e[0].startswith("00-database")]
for s in sorted(take(range(1000, len(ents) - 60, 60), 8)):
    for c in pieces("\n".join("\n".join(e) for e in ents[s:s + 60]), 1500, 4000)[:1]:
        add("clean", "wordnet", deb_src(WN, "WordNet 3.0 licence") + " (consecutive entries)", c)

# GNU Typist: the lessons' instruction screens (T: lines), one lesson block a paragraph
k = 0
for f in take(X("gtypist", "usr/share/gtypist/[qrstuvmn].typ", "usr/share/gtypist/kten.typ"), 9):
    paras, cur, inT = [], [], False
    for line in read(f).split("\n") + [""]:
        if line.startswith("T:") or (inT and line.startswith(" :")):
            inT = True
            x = line[2:].strip()
            if x:
                cur.append(x)
            elif cur:  # an empty screen line ends a paragraph
                paras.append(" ".join(cur))
                cur = []
        else:
            inT = False
            if cur:
                paras.append(" ".join(cur))
                cur = []
    t = "\n".join(p for p in paras if len(p) > 60)
    for c in pieces(t, 1500, 4000)[:1]:
        if k < 6:
            k += add("clean", "gtypist-lessons", deb_src(f, "GPL-3+"), c)

# Ren'Py demo: the tutorial game's dialogue (Eileen and Lucy explain the engine), text tags and variables removed
WHO = {"e": "Eileen", "l": "Lucy", "ey": "Eileen", "narrator": ""}
k = 0
for f in take(X("renpy-demo", "usr/share/games/renpy/demo/game/*.rpy"), 40):
    lines = []
    for m in re.finditer(r'(?m)^\s*(\w+)?\s*"((?:[^"\\]|\\.){20,})"\s*$', read(f)):
        who = WHO.get(m.group(1) or "narrator", None)
        if who is None:
            continue
        t = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", m.group(2)).replace('\\"', '"')
        t = " ".join(t.replace("\\n", " ").split())
        if len(t) > 15:
            lines.append(f"{who}: {t}" if who else t)
    for c in pieces("\n".join(lines), 1500, 4000)[:1]:
        if k < 12:
            k += add("clean", "renpy-tutorial", deb_src(f, "MIT (Ren'Py)"), c)

# XScreenSaver: each hack's description (name, then its text), runs of them as a gallery page
XS = []
for f in X("xscreensaver-data-extra", "usr/share/xscreensaver/config/*.xml"):
    s = read(f)
    lab = re.search(r'_label="([^"]+)"', s)
    d = re.search(r"<_description>(.*?)</_description>", s, re.S)
    if lab and d:
        body = re.sub(r"(?m)^https?://\S+$", "", d.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")).strip()
        XS.append(lab.group(1) + "\n" + "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()))
for c in take(pieces("\n".join(XS), 1500, 4000), 10):
    add("clean", "xscreensaver-descriptions", deb_src(X("xscreensaver-data-extra", "usr/share/xscreensaver/config/anemone.xml")[0].rsplit("/", 1)[0] + "/*.xml",
                                                      "MIT-style (xscreensaver)") + " (hack names and descriptions)", c)

# Debian's popularity contest: its FAQ for users deciding whether to take part
PF = X("popularity-contest", "usr/share/doc/popularity-contest/FAQ.gz")[0]
for c in pieces(unwrap(read(PF)), 1500, 4000)[:2]:
    add("clean", "popcon-faq", deb_src(PF, "GPL-2+"), c)

# technical documentation: GnuCash tutorial and concepts guide, Privoxy FAQ and manual, Lynx help, CHICKEN manual, tklib notes
GC = [f for f in X("gnucash-docs", GG + "*.html") if not re.search(r"/(fdl|index|ix01|pr01|legal)", f)]
html_pages(take(GC, 160), "gnucash-guide", "GFDL-1.1 (see copyright)", 22, DOC_SKIP)
PV = [f for f in X("privoxy", "usr/share/doc/privoxy/faq/*.html", "usr/share/doc/privoxy/user-manual/*.html")
      if not re.search(r"/(copyright|contact|index|seealso)\.html$", f)]
html_pages(take(PV, len(PV)), "privoxy-doc", "GPL-2+ (see copyright)", 12, DOC_SKIP, per_file=2)
LH = X("lynx-common", "usr/share/doc/lynx-common/lynx_help/*.html.gz", "usr/share/doc/lynx-common/lynx_help/keystrokes/*.html.gz")
html_pages(take(LH, len(LH)), "lynx-help", "GPL-2 (see copyright)", 6, DOC_SKIP, lo=1000, per_file=2)
CH = [f for f in X("chicken-bin", "usr/share/doc/chicken-bin/manual-html/*.html") if "Module (" not in f]
html_pages(take(CH, len(CH)), "chicken-manual", "BSD-3-Clause (see copyright)", 10, DOC_SKIP | {"toc"}, main={"main"})
TK = X("tklib", "usr/share/doc/tklib/html/tklib_history.html", "usr/share/doc/tklib/html/*intro*.html", "usr/share/doc/tklib/html/*faq*.html")
html_pages(TK, "tklib-doc", "BSD-style Tcl licence (see copyright)", 4, DOC_SKIP, lo=1000, per_file=2)

out = os.path.join(HERE, "heldout8-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
