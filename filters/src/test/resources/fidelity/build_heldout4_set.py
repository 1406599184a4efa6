#!/usr/bin/env python3
"""Builds heldout4-set.jsonl.gz: a fourth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py,
build_heldout2_set.py, build_heldout3_set.py): pieces of whole lines, paragraphs one per line as a web page's
extracted text has them, list items one per line, each text once. Every source is new: no file, npm package or
Debian package that an earlier set names (in a `source` field or its .md file) is read, and a page whose first 200
characters occur in an earlier page (the four sets and text-lorem.jsonl) is dropped. Debian files come from packages
NOT installed on the build machine, fetched with `apt-get download` and unpacked with `dpkg-deb -x` (one folder per
package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK (node runs the placeholder
generators straight from those folders; none has dependencies). Nothing here ran kiln or its filters; no page was
chosen or dropped by how a filter scores it. Sources, versions and licences: HELDOUT4.md beside this file.

Standard library only (node runs the generators, as in the earlier builders); seeded, gzip mtime 0, so re-running
on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid4/deb DEB_X=/tmp/fid4/x NPM_PACK=/tmp/fid4/pack python3 build_heldout4_set.py
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
import zlib
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
DEB_DIR = os.environ.get("DEB_DIR", "/tmp/fid4/deb")
DEB_X = os.environ.get("DEB_X", "/tmp/fid4/x")
PACK = os.environ.get("NPM_PACK", "/tmp/fid4/pack")
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

fidelity_build.setup(20261209, DEB_DIR, DEB_X, PACK, ['fidelity-set.jsonl.gz', 'heldout-set.jsonl.gz', 'heldout2-set.jsonl.gz', 'heldout3-set.jsonl.gz'])
from fidelity_build import (DEB_VER, P, X, add, code_pages, copyright_pages, cut, deb_src,  # noqa: E402,F401
                            docs, fortunes, html_text, mallard_text, markdown_page, npm_meta, pack_src, pieces, read,
                            rnd, take, unwrap, write)


# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const M = process.argv[1] + '/';
// a seeded Math.random (mulberry32) for the generators, which take no seed of their own
let s = 20261209 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const out = {};
const lorem = require(M + 'lorem-0.4.0/package/src/library/lorem.js');
out.loremjs = []; for (let i = 0; i < 16; i++) out.loremjs.push(lorem.ipsum('p' + (2 + (i % 4))));
const bob = require(M + 'bob-ross-lipsum-1.1.1/package/index.js');
out.bobross = []; for (let i = 0; i < 10; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(bob(5 + ((i + k) % 6))); out.bobross.push(ps.join('\n')); }
const sam = require(M + 'samuel-ipsum-1.0.11/package/dist/index.umd.min.js');
out.samuel = []; for (let i = 0; i < 8; i++) out.samuel.push(sam.generateParagraphs(3 + (i % 3), sam.Mode.Lite).join('\n'));
const poke = require(M + 'pokeipsum-1.1.0/package/index.js');
out.poke = []; for (let i = 0; i < 9; i++) { const ps = []; for (let k = 0; k < 3 + (i % 3); k++) ps.push(poke.sentences(3 + ((i + k) % 4))); out.poke.push(ps.join('\n')); }
const Ipsum = require(M + 'ipsum-1.0.0/package/ipsum.js').Ipsum;
out.groot = []; for (let i = 0; i < 6; i++) out.groot.push(new Ipsum().generate(3 + (i % 3), 'paragraph'));
console.log(JSON.stringify(out));
"""
gen = json.loads(subprocess.run(["node", "-e", node, PACK], capture_output=True, text=True, check=True).stdout)

chrome = ["Home", "Shop", "Journal", "Lookbook", "Stockists", "About", "Contact", "Search", "My account", "Wishlist (0)",
          "Bag (0)", "Free shipping on orders over $50", "Skip to main content", "Menu", "Subscribe", "Share this post",
          "Leave a comment", "Related posts", "Older posts", "Newer posts", "Instagram", "Pinterest",
          "© 2024 Fern & Pine Co.", "Privacy · Terms", "Back to top"]
gens = [("loremjs", "lorem-0.4.0", "lorem.ipsum('p2'..'p5') (src/library/lorem.js, Latin word list)"),
        ("bobross", "bob-ross-lipsum-1.1.1", "getPhrases(5..10) joined into 3 to 5 paragraphs (Bob Ross phrases)"),
        ("samuel", "samuel-ipsum-1.0.11", "generateParagraphs(3..5, Mode.Lite) (dist/index.umd.min.js, Samuel L. Jackson film lines)"),
        ("poke", "pokeipsum-1.1.0", "sentences(3..6) joined into 3 to 5 paragraphs (Pokémon flavour text)"),
        ("groot", "ipsum-1.0.0", "new Ipsum().generate(3..5, 'paragraph') with its default dictionary ['i', 'am', 'groot']")]
for key, pdir, how in gens:
    name, v, lic = npm_meta(os.path.join(PACK, pdir, "package"))
    for i, p in enumerate(gen[key]):
        p = p.replace("\r\n", "\n").strip()
        if key == "loremjs":  # HTML paragraphs: one line each
            p = "\n".join(x.strip() for x in re.split(r"</?p>", p) if x.strip())
        if key == "poke":  # the generator concatenates flavour texts without a space
            p = re.sub(r"([.!?])(?=[A-Z])", r"\1 ", p)
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {name} {v} (npm pack) {how}, Math.random seeded (mulberry32 20261209) ({lic})", text)


# ---------------------------------------------------------------- code
def slices(files, kind, n_each):
    for f in files:
        t = read(f)
        for k in range(n_each):
            a = rnd.randrange(0, max(1, len(t) - 4000))
            add("code", kind, pack_src(f) if f.startswith(PACK) else deb_src(f, "see copyright"),
                t[a:a + rnd.randrange(1500, 4000)])


code_pages(X("tomcat10-examples", "**/*.java"), "java", lambda f: deb_src(f, "Apache-2.0"), 14)
expo = "expo-modules-core-58.2.1"
code_pages(take(P(expo, "**/*.kt"), 80), "kotlin", pack_src, 12)
code_pages(take(P(expo, "**/*.swift"), 80), "swift", pack_src, 12)
code_pages(take(X("erlang-src", "**/*.erl"), 120), "erlang", lambda f: deb_src(f, "Apache-2.0"), 12)
code_pages(take(X("tcllib", "**/*.tcl"), 100), "tcl", lambda f: deb_src(f, "BSD-style (tcllib licence)"), 10)
code_pages(X("elpa-magit", "**/*.el"), "emacs-lisp", lambda f: deb_src(f, "GPL-3+"), 10)
code_pages(take(X("guile-3.0-libs", "**/*.scm"), 100), "scheme", lambda f: deb_src(f, "LGPL-3+"), 10)
code_pages(X("slime", "**/*.lisp"), "common-lisp", lambda f: deb_src(f, "public domain / per file, see copyright"), 6)
code_pages(X("libmojolicious-perl", "**/*.pm"), "perl", lambda f: deb_src(f, "Artistic-2.0"), 8,
           prep=lambda t: re.sub(r"(?ms)^=\w+.*?(^=cut\s*$|\Z)", "", t))
code_pages(take(X("wordpress", "usr/share/wordpress/wp-includes/*.php"), 60), "php", lambda f: deb_src(f, "GPL-2+"), 8)
code_pages(X("php-monolog", "**/*.php"), "php", lambda f: deb_src(f, "MIT"), 6)
code_pages(take(P("google-proto-files-6.0.1", "google/**/*.proto"), 60), "protobuf", pack_src, 8)
code_pages(P("octokit-graphql-schema-15.26.1", "schema.graphql"), "graphql", pack_src, 5, per_file=5)
code_pages(P("mdn-data-2.37.2", "css/*.json", "api/*.json", "l10n/*.json"), "json", pack_src, 6)
code_pages(take(X("docbook-xsl", "**/*.xsl"), 60), "xslt", lambda f: deb_src(f, "MIT-style (docbook-xsl copyright)"), 6)
conf_l = X("lighttpd", "etc/lighttpd/lighttpd.conf", "etc/lighttpd/conf-available/*.conf")
conf_h = X("haproxy", "etc/haproxy/haproxy.cfg", "usr/share/doc/haproxy/examples/*.cfg")
code_pages(conf_l + conf_h, "server-config", lambda f: deb_src(f, "BSD-3-Clause (lighttpd), GPL-2+ (haproxy)"), 6)
slices(P("bootstrap-icons-1.13.2", "bootstrap-icons.svg"), "svg-sprite", 3)

# ---------------------------------------------------------------- policy
copyright_pages()

npm_lic = sorted(glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/license*")
                 + glob.glob(PACK + "/*/package/mit.license") + glob.glob(PACK + "/*/package/COPYING*"))
bodies = set()
for f in take(npm_lic, len(npm_lic)):
    t = unwrap(read(f))
    body = re.sub(r"(?im)^.*copyright.*$", "", t)[:1500]
    if len(t) > 600 and body not in bodies and add("policy", "package-licence", pack_src(f) + " licence text", cut(t)):
        bodies.add(body)

# licence appendices of the downloaded manuals (GPL, GFDL, legal notices), as the HTML page's text
DOCBOOK_SKIP = {"navheader", "navfooter", "docnav", "toc", "banner", "breadcrumbs", "list-of-tables",
                "list-of-examples", "list-of-figures", "footnotes"}
SPHINX_SKIP = {"headerlink", "sphinxsidebar", "related", "footer", "sphinxsidebarwrapper"}
IG = "usr/share/doc/installation-guide-amd64/en/"
BASHREF = X("bash-doc", "usr/share/doc/bash/bashref.html")[0]
BASH_SKIP = {"header", "contents", "shortcontents", "nav-panel", "copying", "index-entry-id"}
bash_all = html_text(BASHREF, skip=BASH_SKIP).replace(" ¶", "")
gfdl = bash_all.rfind("GNU Free Documentation License\n")  # Appendix C, the manual's licence
gfdl = bash_all.rfind("\n", 0, gfdl)
for f, lic, t in [(X("installation-guide-amd64", IG + "apf.html")[0], "GPL-2+ (the licence text itself)",
                   html_text(X("installation-guide-amd64", IG + "apf.html")[0], skip=DOCBOOK_SKIP)),
                  (BASHREF, "GFDL-1.3+ (the licence text itself)", bash_all[gfdl:])]:
    ps = pieces(t, 1500, 4000)
    for c in ps[:1] + take(ps[1:], 2):
        add("policy", "doc-licence", deb_src(f, lic), c)

# WordPress's suggested privacy-policy text (the __() strings of WP_Privacy_Policy_Content::get_default_content)
wp = X("wordpress", "usr/share/wordpress/wp-admin/includes/class-wp-privacy-policy-content.php")[0]
body = read(wp)
body = body[body.index("function get_default_content"):]
body = body[:body.index("\n\t}\n")]
ss = [m.group(1).replace("\\'", "'") for m in re.finditer(r"__\(\s*'((?:\\.|[^'\\])*)'", body)]
ss = [re.sub(r"<[^>]+>", "", s).replace("%s", "https://example.com").strip() for s in ss]
ss = [s for s in ss if len(s) > 3]
for c in pieces("\n".join(dict.fromkeys(ss)), 1500, 4000):
    add("policy", "privacy-wordpress", deb_src(wp, "GPL-2+") + " suggested privacy-policy text", c)

# cookie banners: cookie-bar's per-language prompt pages, cookie-consent-box's per-language strings
for f in take(P("cookie-bar-1.10.3", "lang/*.html"), 26):
    add("policy", "cookie-bar", pack_src(f) + " (consent prompt, as the page's text)", cut(html_text(f)))
ccb = P("cookie-consent-box-2.4.0", "src/languages.js")[0]
ss = [m.group(2).replace("\\'", "'") for m in re.finditer(r"""(\w+): (['"])((?:\\.|(?!\2).)*)\2""", read(ccb))]
ss = [m.group(3).replace("\\'", "'") for m in re.finditer(r"""(\w+): (['"])((?:\\.|(?!\2).)*)\2""", read(ccb))]
half = len(ss) // 2
for part in (ss[:half], ss[half:]):
    add("policy", "cookie-consent-box", pack_src(ccb) + " (per-language title, message and button strings)", "\n".join(part))


# ---------------------------------------------------------------- clean
def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000):
    k = 0
    for f in files:
        if k >= n:
            break
        t = html_text(f, skip=skip, main=main).replace(" ¶", "").replace("¶", "")
        ps = pieces(t, lo, hi)
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), c)


NOT = ("index.html", "genindex.html", "search.html", "py-modindex.html", "404.html", "changes.html", "license.html")
DH = "usr/share/doc/debian-history/docs/"
html_pages(X("debian-history", DH + "*.en.html"), "debian-history", "GPL-2+ (see copyright)", 12, DOCBOOK_SKIP, per_file=3)
hd = [f for f in X("harden-doc", "usr/share/doc/harden-doc/html/en-US/*.html") if not re.search(r"egal|index", f)]
html_pages(take(hd, len(hd)), "harden-doc", "GPL-2+", 22, DOCBOOK_SKIP)
ig = [f for f in X("installation-guide-amd64", IG + "*.html") if not re.search(r"apf\.html|ch01s08|index", f)]  # not the GPL appendix nor the page on licences
html_pages(take(ig, len(ig)), "installation-guide", "GPL-2+", 30, DOCBOOK_SKIP)
pol = [f for f in X("debian-policy", "usr/share/doc/debian-policy/policy.html/*.html") if not f.endswith(NOT + ("ap-license.html",))]
html_pages(take(pol, len(pol)), "debian-policy-manual", "GPL-2+", 14, SPHINX_SKIP, main={"main"}, per_file=2)
kh = [f for f in X("debian-kernel-handbook", "**/*.html") if not f.endswith("index.html")]
html_pages(take(kh, len(kh)), "kernel-handbook", "GPL-2+", 8, DOCBOOK_SKIP, per_file=2)
ap = [f for f in X("aptitude-doc-en", "usr/share/doc/aptitude/html/en/*.html") if not f.endswith("index.html")]
html_pages(take(ap, len(ap)), "aptitude-manual", "GPL-2+", 10, DOCBOOK_SKIP)
k = 0
ps = pieces(bash_all[:gfdl], 1500, 4000)
for c in ps[:1] + take(ps[1:], 11):
    if k < 12:
        k += add("clean", "bash-manual", deb_src(BASHREF, "GFDL-1.3+ (see copyright)"), c)
DJ = "usr/share/doc/python-django-doc/html/"
dj = []
for sub, m in [("intro", 6), ("topics", 16), ("howto", 8), ("faq", 5), ("ref", 7), ("misc", 2)]:
    dj += take([f for f in X("python-django-doc", DJ + sub + "/**/*.html") if not f.endswith(NOT)], m)
html_pages(dj, "django-docs", "BSD-3-Clause", 36, SPHINX_SKIP, main={"yui-g"})
fl = [f for f in X("python-flask-doc", "usr/share/doc/python-flask-doc/html/**/*.html") if not f.endswith(NOT)
      and "/_" not in f and "api.html" not in f]
html_pages(take(fl, len(fl)), "flask-docs", "BSD-3-Clause", 12, SPHINX_SKIP, main={"main"})
sq = [f for f in X("python-sqlalchemy-doc", "usr/share/doc/python-sqlalchemy-doc/html/orm/*.html",
                   "usr/share/doc/python-sqlalchemy-doc/html/core/*.html", "usr/share/doc/python-sqlalchemy-doc/html/*.html")
      if not f.endswith(NOT + ("copyright.html",)) and "changelog" not in f]
html_pages(take(sq, len(sq)), "sqlalchemy-docs", "MIT", 12, SPHINX_SKIP, main={"main", "docs-body"})
k = 0
for f in take(X("apt-doc", "usr/share/doc/apt/*.md*"), 10):
    for c in pieces(markdown_page(read(f)), 1500, 4000)[:1]:
        if k < 5:
            k += add("clean", "apt-doc", deb_src(f, "GPL-2+"), c)
# the Debian manifesto (1994) and the bug-reporting and mailing-list guides of doc-debian
for f, want in [(X("doc-debian", "usr/share/doc/debian/debian-manifesto.gz"), 2),
                (X("doc-debian", "usr/share/doc/debian/bug-reporting.txt.gz"), 2),
                (X("doc-debian", "usr/share/doc/debian/mailing-lists.txt.gz"), 1)]:
    for c in pieces(unwrap(read(f[0])), 1500, 4000)[:want]:
        add("clean", "doc-debian", deb_src(f[0], "verbatim copying permitted (see copyright)"), c)
# npm's own documentation (commands, configuring-npm, using-npm), stream-handbook, got's readme
k = 0
for f in take(P("npm-12.2.3", "docs/content/**/*.md"), 200):
    t = re.sub(r"(?s)^---.*?---\n", "", read(f))  # front matter
    for c in pieces(markdown_page(t), 1500, 4000)[:1]:
        if k < 14:
            k += add("clean", "npm-docs", pack_src(f), c)
for f, want in [(P("stream-handbook-1.0.0", "readme.markdown")[0], 4), (P("got-16.2.0", "readme.md")[0], 1)]:
    ps = pieces(markdown_page(read(f)), 1500, 4000)
    for c in ps[:1] + take(ps[1:], want - 1):
        add("clean", "npm-docs", pack_src(f), c)


# quotations (fortune-anarchism) and one-line excuses (fortunes-bofh-excuses)
for f, n in [(X("fortune-anarchism", "usr/share/games/fortunes/anarchism")[0], 9),
             (X("fortunes-bofh-excuses", "usr/share/games/fortunes/bofh-excuses")[0], 2)]:
    for c in take(pieces(fortunes(f), 1500, 4000), n):
        add("clean", "quotations" if "anarch" in f else "bofh-excuses", deb_src(f, "see copyright: quotations as collected"), c)

# Matthew Henry's Concise Commentary (SWORD zCom4 module: zlib blocks indexed by .bzs), markup removed
MH = "usr/share/sword/modules/comments/zcom/mhcc/"
paras = []
for test in ["ot", "nt"]:
    idx = open(X("sword-comm-mhcc", MH + test + ".bzs")[0], "rb").read()
    data = open(X("sword-comm-mhcc", MH + test + ".bzz")[0], "rb").read()
    for i in range(len(idx) // 12):
        off, size, _ = struct.unpack("<III", idx[12 * i:12 * i + 12])
        t = zlib.decompress(data[off:off + size]).decode("utf-8", "replace")
        t = re.sub(r"<(div|title|chapter|/title|lb)[^>]*>", "\n", t)
        t = re.sub(r"<[^>]+>", " ", t)
        paras += [" ".join(l.split()) for l in t.split("\n") if len(l.split()) > 2]
k = 0
mh = pieces("\n".join(paras), 1500, 4000)
for c in take(mh, len(mh)):
    if k < 12:
        k += add("clean", "mhcc", deb_src(X("sword-comm-mhcc", MH + "nt.bzz")[0][:-6] + "{ot,nt}.bzz", "public domain"), c)

out = os.path.join(HERE, "heldout4-set.jsonl.gz")
write(out)
