#!/usr/bin/env python3
"""Builds heldout5-set.jsonl.gz: a fifth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py,
build_heldout2_set.py, build_heldout3_set.py, build_heldout4_set.py): pieces of whole lines, paragraphs one per line
as a web page's extracted text has them, list items one per line, each text once. Every source is new: no file, npm
package or Debian package that an earlier set names (in a `source` field or its .md file) is read, and a page whose
first 200 characters occur in an earlier page (the five sets and text-lorem.jsonl) is dropped. Debian files come from
packages NOT installed on the build machine, fetched with `apt-get download` and unpacked with `dpkg-deb -x` (one
folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK (node runs the three
placeholder generators straight from those folders; none needs a dependency for the calls made). Nothing here ran
kiln or its filters; no page was chosen or dropped by how a filter scores it. Sources, versions and licences:
HELDOUT5.md beside this file.

Standard library only (node runs the generators, as in the earlier builders); seeded, gzip mtime 0, so re-running
on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid5/deb DEB_X=/tmp/fid5/x NPM_PACK=/tmp/fid5/pack python3 build_heldout5_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT5.md states.)
"""
import glob
import gzip
import json
import os
import random
import re
import subprocess
import struct
import sys
import zipfile
import zlib
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(5, 20261210)
from fidelity_build import (DEB_VER, P, X, add, code_pages, copyright_pages, cut, deb_src,  # noqa: E402,F401
                            docs, fortunes, html_text, lic_src, mallard_text, markdown_page, npm_meta, pack_src,
                            pieces, read, rnd, take, unwrap, write)


# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const M = process.argv[1] + '/';
// a seeded Math.random (mulberry32) for the generators, which take no seed of their own
let s = 20261210 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const out = {};
const dummy = require(M + 'dummyjs-1.1.7/package/dist/dummy.cjs.js');
out.dummy = []; for (let i = 0; i < 18; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(dummy.text(40 + 10 * ((i + k) % 5), 90 + 10 * (i % 4)) + '.'); out.dummy.push(ps.join('\n')); }
const zh = require(M + 'chinesegen-0.3.3/package/index.js');
out.zh = []; for (let i = 0; i < 16; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(zh({count: 120 + 40 * ((i + k) % 4), freq: (i % 2) === 0}).text); out.zh.push(ps.join('\n')); }
const ja = require(M + 'lorem-ipsum-japanese-1.0.1/package/lib/generator.js');
out.ja = []; for (let i = 0; i < 16; i++) out.ja.push(ja({count: 3 + (i % 3), units: 'paragraphs', suffix: '\n'}));
console.log(JSON.stringify(out));
"""
gen = json.loads(subprocess.run(["node", "-e", node, PACK], capture_output=True, text=True, check=True).stdout)

chrome = ["Home", "Menu", "Our story", "Services", "Case studies", "Team", "Careers", "Contact us", "Log in",
          "Sign up", "Search", "Cart (0)", "Book a demo", "Skip to content", "Follow us", "Newsletter",
          "Read more", "Previous article", "Next article", "Tags: news, updates", "Share on X", "LinkedIn",
          "© 2025 Bright Harbour Ltd.", "Imprint · Accessibility", "Back to top"]
gens = [("dummy", "dummyjs-1.1.7", "dummy.text(40..80, 90..120) as 3 to 5 paragraphs (dist/dummy.cjs.js, its 30-word Latin list shuffled)"),
        ("chinese", "chinesegen-0.3.3", "generate({count: 120..240, freq}) .text, 3 to 5 paragraphs (Chinese characters drawn from its word lists)"),
        ("japanese", "lorem-ipsum-japanese-1.0.1", "generator({count: 3..5, units: 'paragraphs'}) (lib/generator.js, kanji/hiragana/katakana dictionary)")]
for key, pdir, how in gens:
    name, v, lic = npm_meta(os.path.join(PACK, pdir, "package"))
    for i, p in enumerate(gen[{"dummy": "dummy", "chinese": "zh", "japanese": "ja"}[key]]):
        p = "\n".join(x.strip() for x in p.replace("\r\n", "\n").split("\n") if x.strip())
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {name} {v} (npm pack) {how}, Math.random seeded (mulberry32 20261210) ({lic})", text)


# ---------------------------------------------------------------- code

code_pages(take(X("fpc-source-3.2.2", "usr/share/fpcsrc/3.2.2/packages/**/*.pas", "usr/share/fpcsrc/3.2.2/packages/**/*.pp"), 100),
           "pascal", lic_src("LGPL-2.1+ with linking exception (see copyright)"), 12)
code_pages(X("libxmlada-sax12-dev", "**/*.ad[sb]") + X("libxmlada-dom12-dev", "**/*.ad[sb]"), "ada",
           lic_src("GPL-3+ with GCC runtime exception"), 10)
code_pages(take(X("libgphobos-12-dev", "usr/lib/gcc/x86_64-linux-gnu/12/include/d/std/**/*.d"), 80), "d",
           lic_src("BSL-1.0"), 12)
code_pages(take(X("swi-prolog-core", "**/*.pl"), 80), "prolog", lic_src("BSD-2-Clause"), 10)
code_pages(take(X("octave-common", "usr/share/octave/7.3.0/m/**/*.m"), 100), "octave", lic_src("GPL-3+"), 10)
code_pages(X("r-cran-mass", "usr/lib/R/library/MASS/scripts/*.R"), "r", lic_src("GPL-2 | GPL-3"), 8)
CLJ = X("libclojure-java", "usr/share/java/clojure-1.11.1.jar")[0]
with zipfile.ZipFile(CLJ) as z:
    clj = [(n, z.read(n).decode("utf-8", "replace")) for n in sorted(z.namelist()) if n.endswith(".clj")]
chunks = [(n, c) for n, t in clj for c in pieces(t, 800, 4000)]
k, per = 0, Counter()
for n, c in take(chunks, len(chunks)):
    if k < 10 and per[n] < 2 and add("code", "clojure", deb_src(CLJ, "EPL-1.0") + "!" + n, c):
        per[n] += 1
        k += 1
code_pages(X("gnucobol3", "usr/share/gnucobol/copy/*.cpy"), "cobol", lic_src("LGPL-3+ (copybooks)"), 5)
code_pages(X("vim-airline", "**/*.vim") + X("vim-ctrlp", "**/*.vim"), "vimscript", lic_src("MIT (airline), Vim licence (ctrlp)"), 10)
code_pages(X("extra-cmake-modules", "**/*.cmake"), "cmake", lic_src("BSD-3-Clause"), 10)
code_pages(take(X("nim", "usr/lib/nim/lib/**/*.nim"), 80), "nim", lic_src("MIT"), 10)
code_pages(take(X("racket-common", "usr/share/racket/collects/**/*.rkt"), 100), "racket", lic_src("MIT or Apache-2.0"), 10)
code_pages(X("gawk", "usr/share/doc/gawk/examples/**/*.awk"), "awk", lic_src("GPL-3+"), 6)
code_pages(X("inform6-library", "usr/share/inform6/library/*.h"), "inform6", lic_src("Artistic-2.0"), 6)
code_pages(X("fail2ban", "etc/fail2ban/jail.conf", "etc/fail2ban/filter.d/*.conf", "etc/fail2ban/action.d/*.conf")
           + X("dovecot-core", "etc/dovecot/*.conf", "etc/dovecot/conf.d/*.conf*"), "server-config",
           lic_src("GPL-2+ (fail2ban), LGPL-2.1/MIT (dovecot)"), 8)

# ---------------------------------------------------------------- policy
copyright_pages()

lic_files = sorted(glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/license*")
                   + X("racket-common", "usr/share/racket/pkgs/*/LICENSE*") + X("nim", "**/copying.txt")
                   + X("swi-prolog-core", "**/LICENSE*", "**/COPYING*"))
bodies = set()
for f in take(lic_files, len(lic_files)):
    t = unwrap(read(f))
    body = " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text itself")
    if len(t) > 600 and body not in bodies and add("policy", "package-licence", src + " licence text", cut(t)):
        bodies.add(body)


def strings(obj):
    """The string values of a parsed JSON or JS object literal, in order."""
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in strings(v)]
    return [obj] if isinstance(obj, str) else []


def detag(s):
    return " ".join(re.sub(r"<[^>]+>", "", s).split())


# cookie-consent-js: its per-language dialog content (title, body, buttons), one page a language
for f in P("cookie-consent-js-2.1.12", "cookie-consent-content/*.json"):
    ss = [detag(s).replace("--privacy-policy--", "privacy policy") for s in strings(json.loads(read(f)))]
    add("policy", "cookie-consent-js", pack_src(f) + " (consent-dialog strings)", "\n".join(s for s in ss if s))
# @68publishers/cookie-consent: per-language consent modal and settings strings, one page a language
for f in take(P("68publishers-cookie-consent-1.4.1", "src/resources/translations/*.json"), 14):
    ss = [detag(s) for s in strings(json.loads(read(f)))]
    add("policy", "cookie-68publishers", pack_src(f) + " (consent-modal and settings strings)", cut("\n".join(s for s in ss if s)))
# @justeattakeaway/pie-cookie-banner: per-locale banner and preference strings of its dist/<locale>-*.js modules
for f in P("justeattakeaway-pie-cookie-banner-1.10.19", "dist/*-*.js"):
    ss = [m.group(1).replace('\\"', '"') for m in re.finditer(r'\w+:\s*"((?:\\.|[^"\\])*)"', read(f))]
    ss = [detag(s) for s in ss]
    add("policy", "cookie-pie", pack_src(f) + " (cookie banner and preference-centre strings)", cut("\n".join(s for s in ss if s)))

# licence and copyright pages of the downloaded manuals, as the HTML page's text
DOCBOOK_SKIP = {"navheader", "navfooter", "docnav", "toc", "banner", "breadcrumbs", "list-of-tables",
                "list-of-examples", "list-of-figures", "footnotes"}
for f, lic, main in [(X("apache2-doc", "usr/share/doc/apache2-doc/manual/en/license.html")[0], "Apache-2.0 (the licence text itself)", {"page-content"}),
                     (X("abs-guide", "usr/share/doc/abs-guide/html/copyright.html")[0], "the guide's copyright and licence notice", ())]:
    t = html_text(f, skip=DOCBOOK_SKIP | {"NAVHEADER", "NAVFOOTER", "toplang", "bottomlang", "menu", "up", "page-header", "footer"}, main=main)
    ps = pieces(t, 1500, 4000)
    for c in ps[:3]:
        add("policy", "doc-licence", deb_src(f, lic), c)

# ---------------------------------------------------------------- clean
DOCBOOK_SKIP = {"navheader", "navfooter", "docnav", "toc", "banner", "breadcrumbs", "list-of-tables",
                "list-of-examples", "list-of-figures", "footnotes"}


def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000, drop=()):
    k = 0
    for f in files:
        if k >= n:
            break
        t = html_text(f, skip=skip, main=main).replace(" ¶", "").replace("¶", "")
        t = "\n".join(l for l in t.split("\n") if l.strip() not in drop)  # navigation links as text lines
        ps = pieces(t, lo, hi)
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), c)


# Jane Austen's six novels (r-cran-janeaustenr: character vectors in R's lazy-load database data/Rdata.rdb)
class RData:
    """Just enough of R's XDR serialization to read the package's character vectors."""

    def __init__(self, b):
        self.b, self.i, self.refs = b, 0, []
        assert b[:2] == b"X\n"
        self.i = 2
        v = self.int()
        self.int(), self.int()
        if v == 3:
            n = self.int()  # the native encoding's name
            self.i += n

    def int(self):
        self.i += 4
        return struct.unpack(">i", self.b[self.i - 4:self.i])[0]

    def item(self):
        f = self.int()
        t, attr, tag = f & 0xff, f & 0x200, f & 0x400
        if t in (242, 251, 253, 254):
            return None
        if t == 255:
            return self.refs[(f >> 8) - 1]
        if t == 1:
            x = self.item()
            self.refs.append(x)
            return x
        if t == 9:
            n = self.int()
            if n == -1:
                return None
            self.i += n
            return self.b[self.i - n:self.i].decode("utf-8", "replace")
        if t == 2:
            if attr:
                self.item()
            g = self.item() if tag else None
            car, cdr = self.item(), self.item()
            return [(g, car)] + (cdr or [])
        if t in (10, 13):
            n = self.int()
            x = list(struct.unpack(">%di" % n, self.b[self.i:self.i + 4 * n]))
            self.i += 4 * n
        elif t == 14:
            n = self.int()
            self.i += 8 * n
            x = None
        elif t in (16, 19, 20):
            x = [self.item() for _ in range(self.int())]
        else:
            raise ValueError("R type %d" % t)
        if attr:
            self.item()
        return x


JA = "usr/lib/R/site-library/janeaustenr/data/Rdata."
rdx = RData(gzip.decompress(open(X("r-cran-janeaustenr", JA + "rdx")[0], "rb").read())).item()
rdb = open(X("r-cran-janeaustenr", JA + "rdb")[0], "rb").read()
austen = []
for off, ln in rdx[0]:
    lines = RData(zlib.decompress(rdb[off + 4:off + ln])).item()
    title = lines[0].title()
    ps = pieces(unwrap("\n".join(l or "" for l in lines)), 1500, 4000)
    austen += [(title, c) for c in ps[3:]]  # not the title page and first lines of each novel
k = 0
for title, c in take(austen, len(austen)):
    if k < 34:
        k += add("clean", "austen", deb_src(X("r-cran-janeaustenr", JA + "rdb")[0], "public domain texts; package MIT")
                 + f" ({title})", c)


# SWORD modules: Spurgeon's Treasury of David (zCom, chapter blocks) and the World English Bible (zText, book blocks)
def sword(pkg, base, ext):
    paras = []
    for test in ["ot", "nt"]:
        idx = open(X(pkg, base + test + "." + ext + "s")[0], "rb").read()
        data = open(X(pkg, base + test + "." + ext + "z")[0], "rb").read()
        for i in range(len(idx) // 12):
            off, size, _ = struct.unpack("<III", idx[12 * i:12 * i + 12])
            if not size:
                continue
            t = zlib.decompress(data[off:off + size]).decode("utf-8", "replace")
            t = re.sub(r"<(div|title|chapter|/title|lb|p|/p|br|/div)\b[^>]*>", "\n", t)
            t = re.sub(r"<note\b.*?</note>", " ", t, flags=re.S)
            t = re.sub(r"<[^>]+>", "", t)  # inline markup (<w> word tags, <q>, <transChange>)
            paras += [" ".join(l.split()) for l in t.split("\n") if len(l.split()) > 2]
    return paras


TD = "usr/share/sword/modules/comments/zcom/tdavid/"
td = pieces("\n".join(sword("sword-comm-tdavid", TD, "cz")), 1500, 4000)
k = 0
for c in take(td, len(td)):
    if k < 20:
        k += add("clean", "treasury-david", deb_src(X("sword-comm-tdavid", TD + "ot.czz")[0][:-6] + "{ot,nt}.czz", "public domain"), c)
WB = "usr/share/sword/modules/texts/ztext/engWEB2015eb/"
wb = pieces("\n".join(sword("sword-text-web", WB, "bz")), 1500, 4000)
k = 0
for c in take(wb, len(wb)):
    if k < 12:
        k += add("clean", "web-bible", deb_src(X("sword-text-web", WB + "ot.bzz")[0][:-6] + "{ot,nt}.bzz", "public domain"), c)

# "Copyright does not exist" (Linus Walleij), the book's HTML chapters
CFI = "usr/share/doc/cfi-en/html/"
cf = X("cfi-en", CFI + "ch*web.htm", CFI + "preface.htm", CFI + "ottoen.htm")
html_pages(take(cf, len(cf)), "cfi-book", "no copyright claimed: the book is provided without copyright (see copyright)", 24, DOCBOOK_SKIP, per_file=2)

# the Dhammapada in English translation (display-dhammapada), runs of verses
DP = X("display-dhammapada", "usr/share/display-dhammapada/dhammapada-english-transl.txt")[0]
dp = read(DP)
dp = dp[dp.find("-----"):]
dpp = pieces(unwrap(dp), 1500, 4000)
for c in take(dpp[1:], 8):
    add("clean", "dhammapada", deb_src(DP, "see copyright"), c)

# guides and manuals of other projects
GM = "usr/share/doc/gitmagic/html/"
html_pages(take([f for f in X("gitmagic", GM + "*.html") if not f.endswith("index.html")], 30), "gitmagic",
           "GPL-3+", 14, DOCBOOK_SKIP, per_file=2)
AB = "usr/share/doc/abs-guide/html/"
ABS_SKIP = DOCBOOK_SKIP | {"NAVHEADER", "NAVFOOTER", "TOC", "LOT"}
ab = [f for f in X("abs-guide", AB + "*.html") if not re.search(r"index|copyright|toc|biblio", f)]
html_pages(take(ab, len(ab)), "abs-guide", "public domain (see copyright)", 14, ABS_SKIP)
AP = "usr/share/doc/apache2-doc/manual/en/"
apx = [f for f in X("apache2-doc", AP + "*.html", AP + "*/*.html") if not re.search(r"index|sitemap|quickref|license|directives|glossary", f)]
html_pages(take(apx, len(apx)), "apache-manual", "Apache-2.0", 34, {"toplang", "bottomlang", "menu", "up", "page-header",
                                                                    "quickview", "directive-list", "footer", "outof"},
           main={"page-content"})
DM = "usr/share/doc/debmake-doc/html/"
html_pages(take(X("debmake-doc", DM + "ch*.en.html", DM + "pr01.en.html"), 20), "debmake-doc", "MIT", 12, DOCBOOK_SKIP,
           per_file=2)
ZS = "usr/share/doc/zsh-common/html/"
zs = [f for f in X("zsh-doc", ZS + "*.html") if not re.search(r"index|Index|Concept|Variables-Index|Options-Index|Copying|Functions-Index", f)]
html_pages(take(zs, len(zs)), "zsh-manual", "MIT-style zsh licence (see copyright)", 26, {"header", "nav-panel", "contents"},
           drop={"Table of Contents", "Previous Chapter", "Next Chapter", "Previous Section", "Next Section"})

out = os.path.join(HERE, "heldout5-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
