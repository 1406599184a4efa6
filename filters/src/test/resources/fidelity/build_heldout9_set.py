#!/usr/bin/env python3
"""Builds heldout9-set.jsonl.gz: a ninth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py ..
build_heldout8_set.py), through the shared helpers of fidelity_build.py: pieces of whole lines, paragraphs one per
line as a web page's extracted text has them, list items one per line, each text once. Every source is new: no npm
package or Debian package that an earlier set names (in a `source` field, its .md file or its builder) is read, and
a page whose first 200 characters occur in an earlier page (the nine earlier sets and text-lorem.jsonl) is dropped.
Debian files come from packages NOT installed on the build machine, fetched with `apt-get download` and unpacked
with `dpkg-deb -x` (one folder per package under DEB_X); npm files from one `npm pack` tarball unpacked under
NPM_PACK. Nothing here ran kiln or its filters; no page was chosen or dropped by how a filter scores it. Sources,
versions and licences: HELDOUT9.md.

Standard library only (no node generator this time: the placeholder generators' texts and word lists are read from
their files and drawn with the seeded generator); seeded, gzip mtime 0, so re-running on the same package versions
gives the same bytes.

usage: DEB_DIR=/tmp/fid9/deb DEB_X=/tmp/fid9/x NPM_PACK=/tmp/fid9/pack python3 build_heldout9_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT9.md states.)
"""
import bz2
import functools
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261217
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(9, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text,  # noqa: E402
                            lic_src, mallard_text, markdown_page, pack_src, pieces, read, rnd, take, text_of, unwrap,
                            write)

DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "NAVHEADER", "NAVFOOTER", "footnotes", "menu", "header", "footer",
            "navigation", "nav", "breadcrumbs", "sidebar", "menubar", "nav-panel", "nav-chapters", "nav-wrapper",
            "menu-bar", "topbar", "leftnav", "footer", "searchbar", "search-wrapper", "Contents", "Index", "Bookmarks",
            "relatedtopics", "related", "ttoc", "versioninfo", "sphinxsidebar", "chapter-navigation", "nav-wide-wrapper"}
html_pages = functools.partial(fidelity_build.html_pages, skip=DOC_SKIP)
run_pages = functools.partial(fidelity_build.run_pages, limit=0)


# ---------------------------------------------------------------- lorem: placeholder texts not used before
CHROME = ["Skip to content", "Call for papers", "Programme", "Keynote speakers", "Registration", "Venue & travel",
          "Important dates", "Submit an abstract", "Workshops", "Poster session", "Student travel grants",
          "Code of conduct", "Sponsors", "Proceedings archive", "Contact the organisers", "Accessibility",
          "Download the programme (PDF)", "Latest news", "Back to top", "Log in", "Early-bird rate ends 30 April",
          "Northbridge, 14–16 September 2026", "© 2026 Northbridge Symposium on Applied Linguistics", "Privacy", "Sitemap"]
LORE = []  # (kind, source, text)


def wrap(i, text):
    """Every third page of a generator in 5 + 3 lines of conference-site chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


def tex_group(s, i):
    """The text of the brace group opening at s[i] == '{' (nested braces kept)."""
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        depth += (c == "{") - (c == "}")
        if depth == 0:
            return s[i + 1:j]
        j += 1
    return s[i + 1:]


def tex_plain(t):
    """A filler paragraph's TeX source as the printed words: comments, `~`, `\\-` and simple markup resolved."""
    t = re.sub(r"(?<!\\)%[^\n]*", "", t)
    t = t.replace("~", " ").replace("\\-", "").replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    t = re.sub(r"\\(emph|textit|textbf|mbox)\s*\{([^{}]*)\}", r"\2", t)
    t = re.sub(r"\\[a-zA-Z@_:]+\s?", "", t).replace("\\", "")
    return " ".join(t.replace("{", "").replace("}", "").split())


def tex_pars(path, macro):
    s = read(path)
    return [p for p in (tex_plain(tex_group(s, m.end() - 1)) for m in re.finditer(re.escape(macro) + r"\s*\{", s)) if len(p) > 80]


TL = "usr/share/texlive/texmf-dist/tex/latex/"
LIPSUM = [("lipsum-latin", TL + "lipsum/lipsum.ltd.tex", "\\NewLipsumPar", 8, "the 150 Latin filler paragraphs of \\lipsum"),
          ("lipsum-czech", TL + "lipsum/lipsum-cs.ltd.tex", "\\NewLipsumPar", 5, "the 150 Czech-looking pseudo-word filler paragraphs of \\lipsum"),
          ("lipsum-cicero", TL + "lipsum/cicero.ltd.tex", "\\NewLipsumPar", 4, "the 200 Cicero paragraphs \\lipsum offers as Latin filler"),
          ("kantlipsum", TL + "kantlipsum/kantlipsum.sty", "\\__kgl_newpara:n", 8, "the pseudo-Kant English filler paragraphs of \\kant"),
          ("econlipsum", TL + "econlipsum/econlipsum.sty", "\\__econ_newpara:n", 6, "the scrambled economics-abstract filler paragraphs of \\econlipsum")]
for kind, rel, macro, n, what in LIPSUM:
    f = X("texlive-latex-extra", rel)[0]
    pars = tex_pars(f, macro)
    for i, s in enumerate(take(range(len(pars)), n)):
        run = [pars[(s + j) % len(pars)] for j in range(3 + i % 3)]  # \lipsum[s-(s+2..4)]: consecutive paragraphs
        LORE.append((kind, deb_src(f, "LPPL-1.3c") + f" ({what}, 3 to 5 consecutive from a drawn start, TeX markup resolved)",
                     wrap(i, "\n".join(run))))

# ffaker (Ruby, Debian ruby-ffaker): its word lists, drawn the way its modules draw them (Ruby is not on the machine,
# so the builder's seeded generator stands in for Ruby's rand)
FF = "usr/share/rubygems-integration/all/gems/ffaker-2.20.0/lib/ffaker/"


def ff_words(rel):
    return [w.strip() for w in read(X("ruby-ffaker", FF + "data/" + rel)[0]).split("\n") if w.strip()]


def ff_sentence(words, style):
    if style == "cn":  # LoremCN: words run together, a comma after each sentence, the last one a full stop
        return "".join(rnd.sample(words, 4 + rnd.randint(0, 5))) + "，"
    if style == "ru":  # LoremRU: 7 + rand(0..9) words, a comma inside long ones, . ! or ?
        w = rnd.sample(words, 7 + rnd.randint(0, 9))
        if len(w) > 10:
            w.insert(rnd.randint(3, len(w) - 3), ",")
        s = " ".join(w).replace(" , ", ", ")
        return s[:1].upper() + s[1:] + ".!?"[0 if rnd.randrange(10) < 8 else 1 if rnd.randrange(2) else 2]
    w = rnd.sample(words, 4 + rnd.randint(1, 5))  # Lorem, HipsterIpsum, ...: 5 to 9 distinct words, first capitalised
    return w[0][:1].upper() + w[0][1:].lower() + " " + " ".join(w[1:]) + "."


def ff_paragraph(words, style):
    if style == "ja":  # LoremJA: three drawn phrases of its novel excerpt joined by 、, a closing phrase and 。
        sents, ends = words
        return "、".join(rnd.choice(sents) for _ in range(3)) + "、" + rnd.choice(ends) + "。"
    n = (5 if style == "ru" else 3) + rnd.randint(0, 2)
    p = (" " if style != "cn" else "").join(ff_sentence(words, style) for _ in range(n))
    return p[:-1] + "。" if style == "cn" else p


FFAKER = [("ffaker-hipster", "HipsterIpsum", "hipster_ipsum/hipster_words", "lat", 4),
          ("ffaker-freedom", "FreedomIpsum", "freedom_ipsum/freedom_words", "lat", 3),
          ("ffaker-dizzle", "DizzleIpsum", "dizzle_ipsum/dizzle_words", "lat", 3),
          ("ffaker-healthcare", "HealthcareIpsum", "healthcare_ipsum/healthcare_words", "lat", 3),
          ("ffaker-lorem-it", "LoremIT", "lorem_it/words", "lat", 2),
          ("ffaker-lorem-ru", "LoremRU", "lorem_ru/words", "ru", 2),
          ("ffaker-lorem-cn", "LoremCN", "lorem_cn/words", "cn", 2),
          ("ffaker-lorem-ja", "LoremJA", None, "ja", 2)]
for kind, mod, rel, style, n in FFAKER:
    words = (ff_words("lorem_ja/sentences"), ff_words("lorem_ja/sentences_end")) if style == "ja" else ff_words(rel)
    path = X("ruby-ffaker", FF + "data/" + (rel or "lorem_ja/sentences"))[0]
    for i in range(n):
        ps = [ff_paragraph(words, style) for _ in range(3 + (i % 3)) for _ in ([0, 0] if style == "ja" else [0])]
        if style == "ja":
            ps = ["".join(ps[j:j + 2]) for j in range(0, len(ps), 2)]
        LORE.append((kind, deb_src(path, "MIT") + f" (FFaker::{mod}.paragraphs: its word list drawn as the module draws it, "
                     "random.Random(20261217) for Ruby's rand)", wrap(i, "\n".join(ps))))
for kind, src, text in LORE:
    add("lorem", kind, src, text)

# ---------------------------------------------------------------- code
QT5 = "usr/lib/x86_64-linux-gnu/qt5/examples/"
code_pages(take(X("qtbase5-examples", QT5 + "**/*.cpp"), 150), "cpp", lic_src("BSD-3-Clause (Qt examples)"), 6)
code_pages(take(X("qtdeclarative5-examples", QT5 + "**/*.qml"), 120), "qml", lic_src("BSD-3-Clause (Qt examples)"), 5)
code_pages(take(X("pike8.0-core", "usr/lib/pike8.0/modules/**/*.pike", "usr/lib/pike8.0/modules/**/*.pmod"), 120), "pike",
           lic_src("GPL-2 / LGPL-2.1 / MPL-1.1"), 4)
code_pages(take(X("libcoq-stdlib", "usr/lib/ocaml/coq/theories/**/*.v"), 120), "coq", lic_src("LGPL-2.1"), 4)
code_pages(take(X("maxima-share", "**/*.mac"), 120), "maxima", lic_src("GPL-2+ (per file)"), 4)
code_pages(take(X("gap-libs", "usr/share/gap/lib/*.g[id]"), 120), "gap", lic_src("GPL-2+"), 4)
code_pages(take(X("singular-data", "usr/share/singular/LIB/*.lib"), 80), "singular", lic_src("GPL-2 or GPL-3"), 4)
code_pages(take(X("haxe", "usr/share/haxe/std/**/*.hx"), 150), "haxe", lic_src("MIT (Haxe standard library)"), 4)
code_pages(take(X("valac-0.56-vapi", "**/*.vapi"), 80), "vala-vapi", lic_src("LGPL-2.1+"), 4)
code_pages(take(X("puredata-doc", "**/*.pd"), 80), "puredata", lic_src("BSD-3-Clause (Pd)"), 4)
code_pages(X("libgs10-common", "usr/share/ghostscript/10.00.0/Resource/Init/*.ps", "usr/share/ghostscript/10.00.0/lib/*.ps"),
           "postscript", lic_src("AGPL-3+"), 4)
code_pages(X("omniorb-idl", "**/*.idl"), "corba-idl", lic_src("LGPL-2.1+ (omniORB) / OMG specifications"), 3)
code_pages(X("lv2-dev", "**/*.ttl") + X("swh-lv2", "**/*.ttl"), "turtle-rdf",
           lambda f: deb_src(f, "ISC" if "/lv2-dev/" in f else "GPL-2+"), 4)
code_pages(take(X("icon-ipl", "**/*.icn"), 120), "icon", lic_src("public domain (Icon Program Library)"), 4)
code_pages(X("picolisp", "usr/lib/picolisp/lib/*.l", "usr/lib/picolisp/src/*.l", "usr/lib/picolisp/*.l"), "picolisp", lic_src("MIT"), 4)
code_pages(X("newlisp", "**/*.lsp"), "newlisp", lic_src("GPL-3+"), 3)
code_pages(X("arduino-core-avr", "**/*.ino"), "arduino", lic_src("LGPL-2.1+ / public domain examples"), 3, lo=600)
code_pages(take(X("gputils-common", "usr/share/gputils/header/*.inc"), 60), "pic-asm", lic_src("GPL-2+"), 3, per_file=1)
code_pages(take(X("gputils-common", "usr/share/gputils/lkr/*.lkr"), 40), "pic-linker-script", lic_src("GPL-2+"), 2, per_file=1)
PRO = take(X("qtbase5-examples", QT5 + "**/*.pro", QT5 + "**/*.pri"), 80)  # small qmake files, one after another as a listing
pro = "\n".join("# " + f.split("/examples/", 1)[1] + "\n" + read(f).strip() + "\n" for f in PRO)
for c in take(pieces(pro, 800, 4000), 2):
    add("code", "qmake", deb_src(PRO[0].split("/examples/")[0] + "/examples/**/*.pro", "BSD-3-Clause (Qt examples)")
        + " (80 drawn, one after another under # path lines)", c)
code_pages(X("slapd", "etc/ldap/schema/*.schema", "etc/ldap/schema/*.ldif"), "ldap-schema", lic_src("OpenLDAP Public License"), 3, per_file=1)
code_pages(X("nftables", "**/*.nft"), "nftables", lic_src("GPL-2"), 2, lo=600, per_file=1)
code_pages(X("kamailio", "etc/kamailio/*.cfg", "usr/share/doc/kamailio/examples/**/*.cfg"), "kamailio-cfg", lic_src("GPL-2+"), 3, per_file=1)
code_pages(X("freeradius-config", "etc/freeradius/3.0/mods-available/*", "etc/freeradius/3.0/sites-available/*",
             "etc/freeradius/3.0/policy.d/*"), "freeradius-config", lic_src("GPL-2+"), 3, per_file=1)
code_pages(X("icinga2-common", "etc/icinga2/**/*.conf", "usr/share/icinga2/include/*.conf"), "icinga2-config", lic_src("GPL-2+"), 3, per_file=1)
code_pages(X("i3-wm", "etc/i3/config") + X("sway", "etc/sway/config"), "wm-config",
           lambda f: deb_src(f, "BSD-3-Clause" if "/i3-wm/" in f else "MIT"), 2, per_file=1)
code_pages(X("exim4-config", "etc/exim4/exim4.conf.template"), "exim4-config", lic_src("GPL-2+"), 2)
code_pages(X("w3c-sgml-lib", "**/*.dtd"), "dtd", lic_src("W3C Software and Document Notice"), 3, per_file=1)
code_pages(X("docbook5-xml", "**/*.rnc"), "relax-ng", lic_src("OASIS (DocBook schema licence)"), 2, per_file=1)
code_pages(X("why3", "usr/share/why3/stdlib/**/*.mlw", "usr/share/why3/stdlib/**/*.why"), "whyml", lic_src("LGPL-2.1"), 3)
code_pages(X("yacas", "usr/share/yacas/scripts/**/*.ys"), "yacas", lic_src("GPL-2+"), 3)
code_pages(X("cython3", "**/Cython/Includes/**/*.pxd"), "cython-pxd", lic_src("Apache-2.0"), 3)
code_pages(X("sdcc-libraries", "usr/share/sdcc/lib/src/**/*.asm", "usr/share/sdcc/lib/src/**/*.s"), "asm-8051-z80",
           lic_src("GPL-2+ with linking exception"), 3)
code_pages(X("abcmidi", "**/*.abc"), "abc-notation", lic_src("GPL-2+ (examples: traditional tunes)"), 3, lo=600, per_file=1)
code_pages(X("ucblogo", "usr/share/ucblogo/csls/*", "usr/share/ucblogo/logolib/*"), "logo", lic_src("GPL-3+"), 3, lo=600)

# ---------------------------------------------------------------- policy
FONTS = ["fonts-cantarell", "fonts-ebgaramond", "fonts-ipafont-gothic", "fonts-linuxlibertine", "fonts-sil-gentium"]
copyright_pages(most=7, later=2, longer_than=6000, skip=[p for p in os.listdir(DEB_X) if p not in FONTS])  # the fonts' licences (OFL, IPA, GPL with font exception) first
copyright_pages(most=42, later=2, longer_than=6000, skip=FONTS)

RD = "usr/share/doc/rust-doc/html/"
LIC = (X("rust-doc", RD + "COPYRIGHT.txt", RD + "*LICENSE*") +
       X("pike8.0-core", "usr/lib/pike8.0/modules/Tools.pmod/Legal.pmod/License.pmod/*.txt") +
       X("texlive-latex-extra", "usr/share/texlive/texmf-dist/scripts/webquiz/LICENCE", TL + "beamertheme-npbt/images/LICENSE.md") +
       X("fonts-sil-gentium", "usr/share/doc/fonts-sil-gentium/OFL-FAQ.txt.gz") +
       X("emacs-common", "usr/share/emacs/28.2/etc/COPYING"))
bodies, k = set(), 0
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    body = " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]
    if k < 10 and len(t) > 600 and body not in bodies:
        lic = "the licence text" if "OFL-FAQ" not in f else "the SIL OFL FAQ"
        if add("policy", "package-licence" if "OFL-FAQ" not in f else "licence-faq", deb_src(f, lic), cut(t)):
            bodies.add(body)
            k += 1
for f in (X("pspp", "usr/share/doc/pspp/pspp.html/License.html") + X("sgt-puzzles", "usr/share/sgt-puzzles/help/en/licence.html") +
          X("erlang-doc", "usr/share/doc/erlang-doc/lib/crypto-*/doc/html/licenses.html")):
    ps = pieces(html_text(f, skip=DOC_SKIP, main={"innertube"} if "erlang" in f else ()), 1200, 4000)
    t = html_text(f, skip=DOC_SKIP, main={"innertube"} if "erlang" in f else ())
    for c in (ps[:2] if ps else [t] if len(t) > 600 else []):
        add("policy", "doc-licence", deb_src(f, "the licence pages of the manual"), cut(c))

# EFF's Do Not Track compliance policy and Privacy Badger's privacy and tracking notices (Debian webext-privacy-badger)
PB = "usr/share/webext/privacy-badger/"
DNT = X("webext-privacy-badger", PB + "data/dnt-policy.txt")[0]
for c in pieces(unwrap(read(DNT)), 1500, 4000)[:3]:
    add("policy", "dnt-policy", deb_src(DNT, "GPL-3+ (EFF Do Not Track policy text)"), c)
for loc in ["en_US", "de", "fr", "es", "it", "nl", "pt_BR"]:
    f = X("webext-privacy-badger", PB + f"_locales/{loc}/messages.json")
    if not f:
        continue
    ms = [" ".join(text_of(v["message"]).split()) for v in json.loads(read(f[0])).values() if isinstance(v, dict) and
          len(v.get("message", "")) > 40]
    ms = [m for m in ms if re.search(r"(?i)track|privacy|cookie|data|consent|block|third|share|priv|daten|donn|datos|dati|gegevens|dados|rastre|traç|tracc", m)]
    if ms:
        add("policy", "privacy-badger-notices", deb_src(f[0], "GPL-3+") + " (privacy and tracking notices of the extension's interface)",
            cut("\n".join(ms)))

# an Italian website privacy-policy template (npm @htmlbricks/hb-terms-doc-templates, its shipped default text)
HB = P("htmlbricks-hb-terms-doc-templates-0.76.5", "main.iife.js")


def js_strings(s, n=25):
    """Quoted strings of a script that read as prose (no code, markup or URL); the eighth builder's helper."""
    out = []
    for m in re.finditer(r"\"((?:[^\"\\]|\\.){%d,})\"|'((?:[^'\\]|\\.){%d,})'|`([^`$]{%d,})`" % (n, n, n), s):
        v = (m.group(1) or m.group(2) or m.group(3) or "").replace("\\'", "'").replace('\\"', '"').replace("\\u00a0", " ")
        v = re.sub(r"\\u([0-9a-fA-F]{4})", lambda x: chr(int(x.group(1), 16)), v)
        v = " ".join(re.sub(r"<[^>]+>", " ", v).split())
        if " " in v and re.search(r"\w \w", v) and not re.search(r"[{}();=]|\\n|https?:|\$\{|^[./@#]|\b(var|function|return|const)\b", v) \
                and v not in out:
            out.append(v)
    return out


if HB:
    ss = [s for s in js_strings(read(HB[0])) if len(s.split()) > 6 and not re.search(r"&&|\bnpm\b|tsconfig|^:", s)]
    for c in pieces("\n".join(ss), 1500, 4000)[:3]:
        add("policy", "privacy-template-it", pack_src(HB[0]) + " (the template's Italian privacy-policy default text)", c)

# ---------------------------------------------------------------- clean
# The Rust books: the Rust Programming Language, the Rustonomicon, the Edition Guide, the Embedded book (the FAQ pages
# are stubs saying the content has moved)
RB = [f for f in X("rust-doc", RD + "book/ch*.html") if "/2018-edition/" not in f]
html_pages(take(RB, len(RB)), "rust-book", "MIT or Apache-2.0 (see copyright)", 14, main={"content"})
RO = X("rust-doc", RD + "nomicon/*.html", RD + "edition-guide/**/*.html", RD + "embedded-book/**/*.html")
RO = [f for f in RO if not re.search(r"/(print|index|toc|404|SUMMARY)\.html$", f)]
html_pages(take(RO, len(RO)), "rust-guides", "MIT or Apache-2.0 (see copyright)", 6, main={"content"})

# Erlang/OTP system documentation (reference manual, design principles, efficiency guide, getting started ...)
ED = "usr/share/doc/erlang-doc/doc/"
EG = X("erlang-doc", *[ED + d + "/*.html" for d in ("reference_manual", "design_principles", "efficiency_guide", "getting_started",
                                                   "system_principles", "tutorial", "programming_examples", "embedded", "oam")])
EG = [f for f in EG if not re.search(r"/(index|users_guide|part|book)\.html$", f)]
html_pages(take(EG, len(EG)), "erlang-guides", "Apache-2.0", 12, main={"innertube"})

# LibreOffice help (Writer, Calc, Impress and shared guides)
LO = "usr/share/libreoffice/help/en-US/text/"
LH = X("libreoffice-help-en-us", LO + "*/guide/*.html", LO + "shared/optionen/*.html", LO + "*/01/*.html")
html_pages(take(LH, 400), "libreoffice-help", "MPL-2.0 (see copyright)", 14, main={"DisplayArea"}, lo=1200, short=900)

# GNOME games' help (Mallard), each game's pages one after another
GG, second = take(["gnome-sudoku", "gnome-mines", "quadrapassel", "iagno", "five-or-more", "hitori", "gnome-chess", "swell-foop",
                    "lightsoff", "gnome-robots", "gnome-nibbles", "gnome-tetravex", "four-in-a-row"], 13), []
for pkg in GG:  # each game's opening run, then a drawn later run of the first games until 16 pages
    fs = X(pkg, "usr/share/help/C/*/*.page")
    idx = [f for f in fs if f.endswith("/index.page")]
    ps = pieces("\n".join(mallard_text(f) for f in idx + [f for f in fs if f not in idx]), 1200, 4000)
    src = deb_src((idx or fs)[0], "CC-BY-SA-3.0 (help)").replace("/index.page", "/*.page")
    if ps:
        add("clean", "gnome-game-help", src, ps[0])
        second += [(src, c) for c in take(ps[1:], 1)]
for src, c in second[:3]:
    add("clean", "gnome-game-help", src, c)

# KDE games' handbooks (index.cache.bz2: the DocBook rendered to HTML)
second = []
for pkg in take(["kmahjongg", "kbounce", "knights", "kigo", "kblackbox", "katomic", "kgoldrunner", "kollision", "kreversi", "ksudoku"], 10):
    f = X(pkg, f"usr/share/doc/HTML/en/{pkg}/index.cache.bz2")[0]
    t = text_of(bz2.decompress(open(f, "rb").read()).decode("utf-8", "replace"), skip=DOC_SKIP)
    ps = pieces(t, 1500, 4000)  # the run after the handbook's title and contents, then a drawn later one
    if len(ps) > 1:
        add("clean", "kde-game-handbook", deb_src(f, "GFDL-1.2+ (handbook)"), ps[1])
        second += [(f, c) for c in take(ps[2:], 1)]
for f, c in second[:4]:
    add("clean", "kde-game-handbook", deb_src(f, "GFDL-1.2+ (handbook)"), c)

# Umoria: the game's historical manual, FAQ and history (Markdown)
MH = "usr/share/doc/moria/historical/"
for name, kind, n in [("manual.md.gz", "moria-manual", 4), ("faq.md.gz", "moria-faq", 3), ("history.md.gz", "moria-history", 2)]:
    f = X("moria", MH + name)[0]
    run_pages(markdown_page(read(f)).split("\n"), kind, deb_src(f, "GPL-3+"), n)

# BSD games' instructions (cribbage, go fish, wumpus, hack's help)
BG = "usr/share/games/bsdgames/"
for f in X("bsdgames", BG + "cribbage.instr", BG + "fish.instr", BG + "wump.info", BG + "hack/help", BG + "boggle/helpfile"):
    t = unwrap(read(f))
    for c in (pieces(t, 1500, 4000) or ([t] if len(t) > 800 else []))[:1]:
        add("clean", "bsdgames-instructions", deb_src(f, "BSD-3-Clause"), c)

# Crossfire: the maps' texts (signs, books, notes, NPC speech), a map's texts one after another
CF = "usr/share/games/crossfire/maps/"
maps = []
for f in X("crossfire-maps", CF + "**/*"):
    if "/maps/editor/" in f or "." in os.path.basename(f):
        continue
    s = read(f)
    if not s.startswith("arch map"):
        continue
    s = s.split("\nend\n", 1)[-1]  # the map header's own msg (the makers' notes) left out
    bl = [b.group(1).strip() for b in re.finditer(r"(?ms)^msg\n(.*?)^endmsg", s)]
    bl = [unwrap(b) for b in bl if len(b) > 150 and not b.startswith("@match") and not re.search(r"(?m)^(level|hp|exp|wc|ac)\s*:", b)]
    bl = [b for i, b in enumerate(bl) if b not in bl[:i]]  # a text repeated on several tiles of the map once
    if sum(map(len, bl)) > 1500:
        maps.append((f, "\n".join(bl)))
k, opened = 0, set()
for f, t in take(maps, len(maps)):
    if t[:200] in opened:  # the same building's texts in another town's copy of the map
        continue
    opened.add(t[:200])
    for c in pieces(t, 1500, 4000)[:1]:
        if k < 14:
            k += add("clean", "crossfire-texts", deb_src(f, "GPL-2+") + " (the map's msg texts: signs, books, notes, speech)", c)

# Adonthell: Waste's Edge dialogues ($name, the player's name, filled with an invented one)
k = 0
for f in take(X("adonthell-data", "usr/share/games/adonthell/games/wastesedge/scripts/dialogues/*.py"), 80):
    lines = [" ".join(m.group(1).replace('\\"', '"').replace("\\n", " ").split()) for m in re.finditer(r'_\("((?:[^"\\]|\\.)*)"\)', read(f))]
    lines = [l.replace("$name", "Talan") for l in lines if len(l) > 3]
    for c in pieces("\n".join(lines), 1500, 4000)[:1]:
        if k < 6:
            k += add("clean", "adonthell-dialogue", deb_src(f, "GPL-2+") + " (dialogue lines in order)", c)

# FreedroidRPG: NPC dialogues (player's choices and the answers), speaker before each line
k = 0
FD = X("freedroidrpg-data", "usr/share/freedroidrpg/data/storyline/**/dialogs/*.lua")
for f in take(FD, len(FD)):
    npc = os.path.basename(f)[:-4].replace("_", " ")
    lines = []
    for m in re.finditer(r'(Npc|Tux):says(?:_random)?\(_"((?:[^"\\]|\\.)*)"|text\s*=\s*_"((?:[^"\\]|\\.)*)"', read(f)):
        who, t = ("Tux", m.group(3)) if m.group(3) else ("Tux" if m.group(1) == "Tux" else npc, m.group(2))
        t = " ".join(re.sub(r"\[/?[a-z]+\]|\\n", " ", t.replace('\\"', '"').replace("\\'", "'")).split())
        if len(t) > 2:
            lines.append(f"{who}: {t}")
    for c in pieces("\n".join(lines), 1500, 4000)[:1]:
        if k < 12:
            k += add("clean", "freedroid-dialogue", deb_src(f, "GPL-2+") + " (dialogue as Speaker: line)", c)

# FreeOrion: the Pedia's articles (species, buildings, techs, ship parts: name, then its description)
FO = X("freeorion-data", "usr/share/games/freeorion/default/stringtables/en.txt")[0]
st, lines, i = {}, read(FO).split("\n"), 0
while i < len(lines) - 1:  # KEY, then its value on the next line or between ''' marks
    key = lines[i].strip()
    if not re.fullmatch(r"[A-Z][A-Z0-9_]+", key):
        i += 1
        continue
    v = lines[i + 1]
    if not v.startswith("'''"):
        st[key], i = v, i + 2
        continue
    buf, j = [v[3:]], i + 1
    while not buf[-1].rstrip().endswith("'''") or (j == i + 1 and len(buf[-1].rstrip()) < 3):
        j += 1
        if j >= len(lines):
            break
        buf.append(lines[j])
    buf[-1] = buf[-1].rstrip()[:-3]
    st[key], i = "\n".join(buf), j + 1


def fo_link(m, depth):
    """[[type KEY]] is a link shown as KEY's name; a bare [[KEY]] takes KEY's text in (two levels deep at most)."""
    parts = m.group(1).split()
    v = st.get(parts[-1])
    if v is None:
        return parts[-1].replace("_", " ").lower()
    return v if len(parts) > 1 or depth >= 2 else fo_expand(v, depth + 1)


def fo_expand(t, depth=0):
    return re.sub(r"\[\[([^\]]+)\]\]", lambda m: fo_link(m, depth), t)


def fo_text(t):
    t = fo_expand(t)
    t = re.sub(r"</?[a-z][^>]*>", "", t)
    return "\n".join(" ".join(p.split()) for p in t.split("\n") if p.strip())


arts = []
for kk, v in st.items():
    if re.match(r"(SP|BLD|SHP|PLC|SPEC|LRN|GRO|DEF|CON|PRO|SHP_WEAPON|CO|FLD)_[A-Z0-9_]+_DESC$", kk) and len(v) > 300 \
            and "%" not in v[:40]:
        name = st.get(kk[:-5], kk[:-5].replace("_", " ").title())
        t = fo_text(v)
        if len(t) > 300 and not re.search(r"\{\w+\}", t[:200]):
            arts.append(fo_text(name) + "\n" + t)
run_pages(arts, "freeorion-pedia", deb_src(FO, "GPL-2+ / CC-BY-SA-3.0 (see copyright)") + " (Pedia articles: name, then description)", 14)

# fortunes in other languages: German poems and anecdotes, Tang and Song poetry, Czech, Spanish, Italian, Russian and
# Bulgarian quotations (colour escapes of the Chinese files removed)
def fortunes_text(s):
    """fidelity_build.fortunes on a string: one fortune a line, attributions on their own lines, verse line by line."""
    out = []
    for q in s.split("\n%\n"):
        lines = [l.rstrip() for l in q.strip("\n").split("\n") if l.strip()]
        if not lines:
            continue
        attr = [l for l in lines if re.match(r"\s*(--|―|- [A-Z])", l)]
        body = [l for l in lines if l not in attr]
        if len(body) >= 3 and all(len(l) < 52 for l in body):
            out.append("\n".join(l.strip() for l in body))
        else:
            out.append(" ".join(" ".join(l.split()) for l in body))
        out += [" ".join(a.split()) for a in attr]
    return "\n".join(out)


FOR = [("fortunes-de", "usr/share/games/fortunes/de/gedichte", "fortunes-de-poems", 2),
       ("fortunes-de", "usr/share/games/fortunes/de/anekdoten", "fortunes-de-anecdotes", 2),
       ("fortunes-zh", "usr/share/games/fortunes/tang300", "fortunes-zh-tang-poems", 3),
       ("fortunes-zh", "usr/share/games/fortunes/song100", "fortunes-zh-song-lyrics", 2),
       ("fortunes-cs", "usr/share/games/fortunes/cs/chesterton", "fortunes-cs-quotations", 1),
       ("fortunes-cs", "usr/share/games/fortunes/cs/jerome", "fortunes-cs-quotations", 1),
       ("fortunes-es", "usr/share/games/fortunes/es/filosofia.fortunes", "fortunes-es-quotations", 1),
       ("fortunes-es", "usr/share/games/fortunes/es/schopenhauer.fortunes", "fortunes-es-quotations", 1),
       ("fortunes-it", "usr/share/games/fortunes/it/adams", "fortunes-it-quotations", 1),
       ("fortunes-it", "usr/share/games/fortunes/it/definizioni", "fortunes-it-quotations", 1),
       ("fortunes-ru", "usr/share/games/fortunes/ru/book", "fortunes-ru-quotations", 1),
       ("fortunes-bg", "usr/share/games/fortunes/bg/history", "fortunes-bg-quotations", 1)]
for pkg, rel, kind, n in FOR:
    fs = X(pkg, rel)
    if not fs:
        print("missing", pkg, rel, file=sys.stderr)
        continue
    t = fortunes_text(re.sub(r"\x1b\[[0-9;]*m", "", read(fs[0])))
    run_pages(t.split("\n"), kind, deb_src(fs[0], "as collected; see copyright"), n, lo=1200)

# GNU Emacs: the tutorial in eight languages, the PROBLEMS file (known problems and their fixes)
ET = "usr/share/emacs/28.2/etc/"
for lang in take(["de", "fr", "es", "it", "cs", "ru", "ja", "zh", "pl", "nl", "sv", "pt_BR", "ko", "ro"], 10):
    f = X("emacs-common", ET + "tutorials/TUTORIAL." + lang)[0]
    t = "\n".join(l for l in read(f).split("\n") if not l.startswith(";;;") and "-*- coding" not in l)
    for c in pieces(unwrap(t), 1500, 4000)[:1]:
        add("clean", "emacs-tutorial", deb_src(f, "GPL-3+"), c)
f = X("emacs-common", ET + "PROBLEMS")[0]
run_pages([l for l in unwrap(read(f)).split("\n") if not l.startswith("*") or len(l) > 40][20:], "emacs-problems", deb_src(f, "GPL-3+"), 2)

# release notes written as prose: Emacs NEWS, fetchmail NEWS, newLISP release notes, tin WHATSNEW, leafnode NEWS
f = X("emacs-common", ET + "NEWS.27")[0]
run_pages([l for l in unwrap(re.sub(r"(?m)^\+\+\+$|^---$", "", read(f))).split("\n")], "release-notes", deb_src(f, "GPL-3+"), 2)
f = X("fetchmail", "usr/share/doc/fetchmail/NEWS.gz")[0]
run_pages(unwrap(read(f)).split("\n")[10:], "release-notes", deb_src(f, "GPL-2+"), 2)
f = X("newlisp", "usr/share/doc/newlisp/newLISP-10.7.5-Release.html")[0]
html_pages([f], "release-notes", "GPL-3+", 2, per_file=2)
f = X("leafnode", "usr/share/doc/leafnode/NEWS.gz")[0]
run_pages(unwrap(read(f)).split("\n"), "release-notes", deb_src(f, "LGPL-2.1 / MIT-style"), 1)

# FAQs and design notes: fetchmail FAQ and design notes (HTML), slrn FAQ, leafnode FAQ
for f, kind, n, lic in [(X("fetchmail", "usr/share/doc/fetchmail/fetchmail-FAQ.html")[0], "fetchmail-faq", 3, "GPL-2+"),
                        (X("fetchmail", "usr/share/doc/fetchmail/design-notes.html")[0], "fetchmail-design-notes", 2, "GPL-2+")]:
    t = html_text(f, skip=DOC_SKIP)
    run_pages(t.split("\n")[15:], kind, deb_src(f, lic), n)
for f, kind, n, lic in [(X("slrn", "usr/share/doc/slrn/FAQ.gz")[0], "slrn-faq", 2, "GPL-2+"),
                        (X("slrn", "usr/share/doc/slrn/manual.txt.gz")[0], "slrn-manual", 2, "GPL-2+"),
                        (X("pike8.0-core", "usr/lib/pike8.0/modules/Calendar.pmod/FAQ")[0], "pike-calendar-faq", 1, "GPL-2 / LGPL-2.1 / MPL-1.1"),
                        (X("tin", "usr/share/doc/tin/filtering.gz")[0], "tin-docs", 2, "BSD-style (tin)"),
                        (X("tin", "usr/share/doc/tin/auth.txt")[0], "tin-docs", 1, "BSD-style (tin)"),
                        (X("leafnode", "usr/share/doc/leafnode/FAQ.txt.gz")[0], "leafnode-faq", 2, "LGPL-2.1 / MIT-style")]:
    run_pages(unwrap(read(f)).split("\n"), kind, deb_src(f, lic), n)

# manuals: PicoLisp tutorial and FAQ, newLISP manual, PSPP manual, UCBLogo manual, i3 user's guide, Simon Tatham's
# puzzles' help, LinCity-NG's in-game help
html_pages(X("picolisp", "usr/share/doc/picolisp/doc/faq.html", "usr/share/doc/picolisp/doc/tut.html",
             "usr/share/doc/picolisp/doc/app.html", "usr/share/doc/picolisp/doc/ref.html"), "picolisp-doc", "MIT", 4, per_file=2)
html_pages(X("newlisp", "usr/share/doc/newlisp/newlisp_manual.html", "usr/share/doc/newlisp/CodePatterns.html"), "newlisp-manual",
           "GFDL-1.3 (see copyright)", 3, per_file=2)
PS = [f for f in X("pspp", "usr/share/doc/pspp/pspp.html/*.html") if not re.search(r"/(index|License|GNU-Free-Documentation-License|Function-Index|Command-Index|Concept-Index)\.html$", f)]
html_pages(take(PS, len(PS)), "pspp-manual", "GFDL-1.3+ (see copyright)", 6, lo=1200, short=1000)
html_pages(X("ucblogo", "usr/share/doc/ucblogo/ucblogo.html"), "ucblogo-manual", "GPL-3+", 3, per_file=3)
html_pages(X("i3-wm", "usr/share/doc/i3-wm/userguide.html", "usr/share/doc/i3-wm/debugging.html", "usr/share/doc/i3-wm/layout-saving.html"),
           "i3-userguide", "BSD-3-Clause", 3, per_file=2)
SG = [f for f in X("sgt-puzzles", "usr/share/sgt-puzzles/help/en/*.html") if not re.search(r"/(index|licence|docindex)\.html$", f)]
html_pages(take(SG, len(SG)), "sgt-puzzles-help", "MIT", 6, lo=1200, short=900)
LN = X("lincity-ng-data", "usr/share/games/lincity-ng/help/en/*.xml")
lt = [text_of(re.sub(r"<a [^>]*>[^<]*</a>", "", read(f).split("See also")[0])) for f in take(LN, len(LN))]
run_pages([l for t in lt for l in t.split("\n") if l.strip()], "lincity-help",
          deb_src(LN[0].rsplit("/", 1)[0] + "/*.xml", "GPL-2+") + " (help pages one after another)", 4)

out = os.path.join(HERE, "heldout9-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
