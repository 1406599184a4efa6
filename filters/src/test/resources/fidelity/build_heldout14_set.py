#!/usr/bin/env python3
"""Builds heldout14-set.jsonl.gz: a fourteenth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders, through the shared helpers of
fidelity_build.py (imported unchanged). Every source is new: no npm or Debian package that an earlier set names is
read, and a page whose first 200 characters occur in an earlier page (the fourteen earlier sets and
text-lorem.jsonl) is dropped. Debian files come from packages NOT installed on the build machine (`apt-get download`,
`dpkg-deb -x`, one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK
(nothing installed, nothing run). Every `clean` page is meant to be English. Nothing here ran kiln or its filters; no
page was chosen or dropped by how a filter scores it. Sources: HELDOUT14.md.

Standard library only; no generator is run (the word lists, filler words and cliché phrases are read from the
packages' files and drawn with the seeded generator); seeded, gzip mtime 0.

usage: DEB_DIR=/tmp/fid14/deb DEB_X=/tmp/fid14/x NPM_PACK=/tmp/fid14/pack python3 build_heldout14_set.py
(OUT_GZ=path writes elsewhere; the gzip header then names that file, so only the default path gives the md5 in
HELDOUT14.md.)
"""
import bz2
import gettext
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261222
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(14, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, lic_src,  # noqa: E402
                            mallard_text, markdown_page, pack_src, pieces, read, rnd, roff_text, run_pages, sentences, take,
                            text_of, text_only, unwrap, write)

DOC_SKIP = fidelity_build.DOC_SKIP | {"toctree-wrapper", "sphinxsidebarwrapper", "wy-nav-top", "related",
                                      "header", "nav-panel", "footer", "toc", "navfooter", "navheader", "navCenter",
                                      "navigation", "bottom-nav", "md-header", "md-footer", "md-sidebar", "md-tabs",
                                      "breadcrumb", "sidebar-wrapper"}
SPHINX = {"body", "main", "document", "md-content"}


def html_pages(files, kind, lic, n, per_file=1, lo=1500, hi=4000, text=None, short=0, label="clean", src=None,
               main=()):
    return fidelity_build.html_pages(files, kind, lic, n, skip=DOC_SKIP, main=main, per_file=per_file, lo=lo, hi=hi,
                                     text=text, short=short, label=label, src=src)


def no_index(fs):
    return [f for f in fs if not re.search(r"/(index|genindex|search|modindex|py-modindex|changelog|changes|history|"
                                           r"credits|authors|license|copyright)\.html?$", f, re.I)
            and "/_sources/" not in f and "/_modules/" not in f and "/_static/" not in f and "/_snippets/" not in f]


# ---------------------------------------------------------------- lorem
CHROME = ["Skip to main content", "Home", "Shop", "Journal", "Our story", "Get in touch", "Newsletter", "Search",
          "Recent posts", "Topics", "Archives", "Share", "Pin it", "Add a comment", "« Older", "Newer »",
          "Filed under: templates", "By editor", "© 2026 Northwind Studio", "Privacy", "Terms", "Top ↑",
          "Continue reading →"]


def wrap(i, text):
    """Every third page in 5 + 3 lines of site chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


def filler_page(words, i, paras=None):
    return wrap(i, "\n".join(sentences(words, rnd.randint(3, 7)) for _ in range(paras or 2 + i % 3)))


# npm word arrays (an-array-of-*-words, word-list-json) as random-word filler
for d, name, lang, n in [("an-array-of-english-words-2.0.0", "index.json", "English", 5),
                         ("an-array-of-french-words-2.0.0", "index.json", "French", 5),
                         ("an-array-of-spanish-words-2.0.0", "index.json", "Spanish", 5),
                         ("word-list-json-0.2.0", "words.json", "English", 4)]:
    f = P(d, name)[0]
    data = json.loads(read(f))
    words = [w for w in (data["words"] if isinstance(data, dict) else data) if w.isalpha() and len(w) > 1]
    for i in range(n):
        add("lorem", "word-array-filler", pack_src(f) + f" ({lang} words drawn at random, sentence-cased)",
            filler_page(words, i))

# Debian word lists not read by an earlier set
for pkg, lang, n in [("wcanadian", "Canadian English", 3), ("wportuguese", "Portuguese", 3), ("wswedish", "Swedish", 3),
                     ("wdanish", "Danish", 3), ("wcatalan", "Catalan", 3)]:
    f = [g for g in X(pkg, "usr/share/dict/*") if not g.endswith(".gz") and "README" not in g and not os.path.islink(g)][0]
    with open(f, "rb") as g:
        raw = g.read()
    try:
        raw = raw.decode("utf-8")
    except UnicodeDecodeError:
        raw = raw.decode("latin-1")  # wswedish ships ISO-8859-1
    words = [w for w in raw.split("\n") if w and "'" not in w and "/" not in w and not w[0].isupper()]
    for i in range(n):
        add("lorem", "dict-word-filler", deb_src(f, "see copyright") + f" ({lang} words drawn at random, sentence-cased)",
            filler_page(words, i))

# fillers: English filler words strung into "sentences"
FI = P("fillers-2.0.1", "index.js")[0]
FILL = re.findall(r"'([^'\n]+)'", read(FI))
for i in range(5):
    add("lorem", "filler-words", pack_src(FI) + " (filler words drawn at random, sentence-cased)",
        filler_page(FILL, i, paras=2 + i % 2))

# textlint-rule-stop-words dict.txt: buzzwords and clichés strung into corporate-ipsum sentences
ST = P("textlint-rule-stop-words-5.2.0", "dict.txt")[0]
PHR = [l.strip() for l in read(ST).split("\n") if l.strip() and not l.startswith("#")]
for i in range(9):
    paras = []
    for _ in range(2 + i % 3):
        sents = []
        for _ in range(rnd.randint(3, 6)):
            s = ", ".join(rnd.sample(PHR, rnd.randint(2, 5)))
            sents.append(s[0].upper() + s[1:] + ".")
        paras.append(" ".join(sents))
    add("lorem", "cliche-ipsum", pack_src(ST) + " (cliché and buzzword phrases drawn at random, sentence-cased)",
        wrap(i, "\n".join(paras)))

# ---------------------------------------------------------------- code
BIN = re.compile(r"\.(png|gif|jpg|jpeg|svg|ico|gz|bz2|xz|zip|mo|so|a|pyc|ttf|woff2?|eot|ogg|wav|mp3|pdf|db|bin|map|"
                 r"min\.js|min\.css|brotli|pem|sum|qch|qhc|xpm)$")
C = [("phpmyadmin", ["**/libraries/classes/**/*.php"], "php", "GPL-2+", 6),
     ("phpmyadmin", ["**/templates/**/*.twig"], "twig-template", "GPL-2+", 4),
     ("phpmyadmin", ["**/js/src/**/*.js"], "js", "GPL-2+", 3), ("phpmyadmin", ["**/sql/*.sql"], "sql", "GPL-2+", 2),
     ("phpmyadmin", ["**/themes/**/*.scss"], "scss", "GPL-2+", 2),
     ("smarty4", ["**/*.php"], "php", "LGPL-3+", 3),
     ("pdns-backend-pgsql", ["**/*.sql"], "sql", "GPL-2", 2), ("icinga2-ido-pgsql", ["**/*.sql", "**/pgsql"], "sql", "GPL-2+", 3),
     ("cdbs", ["**/*.mk"], "makefile-cdbs", "GPL-2+", 4), ("cdbs", ["usr/lib/cdbs/*"], "perl-shell-cdbs", "GPL-2+", 2),
     ("dehydrated", ["usr/bin/dehydrated", "etc/dehydrated/*"], "bash", "MIT", 3),
     ("bats", ["**/libexec/**/*", "**/lib/bats-core/*", "usr/bin/bats"], "bash", "MIT", 3),
     ("shunit2", ["usr/share/shunit2/*"], "shell", "Apache-2.0", 2),
     ("librust-rand-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 5),
     ("ruby-i18n", ["**/*.rb"], "ruby", "MIT", 4), ("ruby-mustache", ["**/*.rb"], "ruby", "MIT", 2),
     ("libdbi-perl", ["**/*.pm"], "perl", "Artistic or GPL-1+", 4), ("libdbi-perl", ["**/*.h"], "c-header", "Artistic or GPL-1+", 1),
     ("libjs-d3", ["**/d3.js"], "js-d3", "BSD-3-Clause", 3), ("libjs-leaflet", ["**/leaflet-src.js"], "js-leaflet", "BSD-2-Clause", 2),
     ("libjs-leaflet", ["**/leaflet.css"], "css", "BSD-2-Clause", 1),
     ("libjs-chart.js", ["**/chart.js", "**/*.mjs"], "js-chartjs", "MIT", 2),
     ("libjs-codemirror", ["**/mode/**/*.js", "**/addon/**/*.js"], "js-codemirror", "MIT", 4),
     ("libjs-codemirror", ["**/theme/*.css", "**/lib/*.css"], "css", "MIT", 3),
     ("libjs-handlebars", ["**/handlebars*.js"], "js-handlebars", "MIT", 2),
     ("lua-argparse", ["**/*.lua"], "lua", "MIT", 2), ("lua-ldoc", ["**/*.lua"], "lua", "MIT", 3),
     ("lua-ldoc", ["**/html/*.lua", "**/ldoc/html/*"], "ldoc-template", "MIT", 1),
     ("lua-say", ["**/*.lua"], "lua", "MIT", 1), ("lua-term", ["**/*.lua"], "lua", "MIT", 1), ("lua-cjson", ["**/*.lua"], "lua", "MIT", 1),
     ("golang-github-pkg-errors-dev", ["**/*.go"], "go", "BSD-2-Clause", 2),
     ("golang-github-stretchr-testify-dev", ["**/*.go"], "go", "MIT", 3),
     ("golang-gopkg-yaml.v3-dev", ["**/*.go"], "go", "MIT and Apache-2.0", 2),
     ("golang-github-gin-gonic-gin-dev", ["**/*.go"], "go", "MIT", 3), ("golang-github-fatih-color-dev", ["**/*.go"], "go", "MIT", 1),
     ("libsodium-dev", ["**/*.h"], "c-header", "ISC", 2), ("libuv1-dev", ["**/*.h"], "c-header", "MIT", 2),
     ("libjansson-dev", ["**/*.h"], "c-header", "MIT", 1), ("libmicrohttpd-dev", ["**/*.h"], "c-header", "LGPL-2.1+", 1),
     ("mkdocs", ["**/mkdocs/**/*.py"], "python", "BSD-2-Clause", 3), ("mkdocs", ["**/themes/**/*.html"], "jinja-template", "BSD-2-Clause", 2),
     ("mkdocs-material", ["**/material/**/*.html"], "jinja-template", "MIT", 3),
     ("supervisor", ["**/supervisor/*.py"], "python", "BSD-like (repoze)", 3),
     ("supervisor", ["**/*.conf", "etc/supervisor/*"], "supervisor-config", "BSD-like (repoze)", 1),
     ("bleachbit", ["**/bleachbit/*.py"], "python", "GPL-3+", 3), ("bleachbit", ["**/cleaners/*.xml"], "bleachbit-xml", "GPL-3+", 2),
     ("chrony", ["**/examples/*", "etc/chrony/*"], "chrony-config", "GPL-2", 2),
     ("rsnapshot", ["etc/rsnapshot.conf*", "usr/bin/rsnapshot*"], "rsnapshot", "GPL-2+", 2),
     ]


for pkg, pats, kind, lic, n in C:
    fs = [f for f in X(pkg, *pats) if not BIN.search(f) and "/copyright" not in f and "changelog" not in f
          and "/man/" not in f and "/locale/" not in f]
    cfg = kind.endswith("config") or kind.endswith("template") or kind in ("bleachbit-xml", "sql", "rsnapshot")
    code_pages(take(fs, 200), kind, lic_src(lic), n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

NJS = [("mocha-12.0.3", ["lib/**/*.js"], 2), ("sequelize-6.37.8", ["lib/**/*.js"], 2), ("knex-3.3.0", ["lib/**/*.js"], 2),
       ("mongoose-9.13.2", ["lib/**/*.js"], 2), ("sinon-22.1.0", ["lib/**/*.js"], 1), ("chai-6.3.0", ["lib/**/*.js"], 1),
       ("yargs-18.2.0", ["build/lib/**/*.js", "lib/**/*.js"], 1), ("socket.io-4.8.4", ["dist/*.js"], 1),
       ("nodemon-3.1.14", ["lib/**/*.js"], 1)]
for d, pats, n in NJS:
    code_pages(take(P(d, *pats), 200), "js-npm", pack_src, n, prep=text_only)

# ---------------------------------------------------------------- clean (all English)
for pkg, kind, lic, n in [("python-aiohttp-doc", "aiohttp-docs", "Apache-2.0", 6), ("python-lxml-doc", "lxml-docs", "BSD-3-Clause", 6),
                          ("python-psycopg2-doc", "psycopg2-docs", "LGPL-3+", 5), ("python-coverage-doc", "coverage-docs", "Apache-2.0", 5),
                          ("python-bottle-doc", "bottle-docs", "MIT", 5), ("python-cherrypy3-doc", "cherrypy-docs", "BSD-3-Clause", 5),
                          ("python-kombu-doc", "kombu-docs", "BSD-3-Clause", 4), ("python-peewee-doc", "peewee-docs", "MIT", 5),
                          ("python-structlog-doc", "structlog-docs", "MIT or Apache-2.0", 5), ("python-arrow-doc", "arrow-docs", "Apache-2.0", 3),
                          ("python-pint-doc", "pint-docs", "BSD-3-Clause", 5), ("cython-doc", "cython-docs", "Apache-2.0", 6),
                          ("mkdocs-doc", "mkdocs-docs", "BSD-2-Clause", 5), ("phpmyadmin", "phpmyadmin-docs", "GPL-2+", 5),
                          ("libjs-codemirror", "codemirror-docs", "MIT", 3)]:
    fs = [f for f in no_index(X(pkg, "**/html/**/*.html")) if not re.search(r"/(api|reference|pkg)/", f)]  # no API autodoc
    html_pages(take(fs, 80), kind, lic, n, main=SPHINX, lo=1200, short=900)
VA = no_index(X("varnish-doc", "**/html/users-guide/*.html", "**/html/tutorial/*.html", "**/html/phk/*.html"))
html_pages(take(VA, 80), "varnish-docs", "BSD-2-Clause", 10, main=SPHINX, lo=1200, short=900)
VIM = X("vim-doc", "usr/share/doc/vim/html/usr_*.html")
html_pages(take(VIM, len(VIM)), "vim-user-manual", "Vim licence (charityware)", 10, lo=1200, short=900)
LT = [f for f in X("lighttpd-doc", "usr/share/doc/lighttpd/*.txt*")]
html_pages(take(LT, len(LT)), "lighttpd-docs", "BSD-3-Clause", 6, text=lambda f: unwrap(read(f)), lo=1200, short=800)

# GNOME help (Mallard), one kind per application
for pkg, app, n in [("baobab", "baobab", 3), ("brasero-common", "brasero", 3), ("cheese-common", "cheese", 3),
                    ("deja-dup", "deja-dup", 3), ("eog", "eog", 4), ("evince-common", "evince", 5),
                    ("file-roller", "file-roller", 3), ("gnome-clocks", "gnome-clocks", 2), ("gnome-logs", "gnome-logs", 1),
                    ("gnome-system-monitor", "gnome-system-monitor", 3), ("gnome-terminal-data", "gnome-terminal", 4),
                    ("gnote", "gnote", 4), ("meld", "meld", 3), ("polari", "polari", 2), ("seahorse", "seahorse", 4),
                    ("shotwell-common", "shotwell", 4), ("simple-scan", "simple-scan", 2)]:
    fs = [f for f in X(pkg, f"usr/share/help/C/{app}/*.page") if not re.search(r"/(index|legal|license|credits|"
                                                                             r"privacy-policy)\.page$", f)]
    html_pages(take(fs, len(fs)), f"{app}-help", "GPL-2+ / CC-BY-SA-3.0 (see copyright)", n, text=mallard_text,
               lo=800, short=500)


def kde_manual(f):
    return fidelity_build.kde_manual(f, DOC_SKIP)


KDE = ["bovo", "granatier", "kblocks", "kbreakout", "kdiamond", "killbots", "kjumpingcube", "klickety", "kmines",
       "knetwalk", "konquest", "kshisen", "kspaceduel", "ksquares", "kturtle"]  # 2 pages each, 24 in all
KDE_LEFT = [24]
for g in KDE:
    KDE_LEFT[0] -= html_pages(X(g, "usr/share/doc/HTML/en/*/index.cache.bz2"), "kde-game-handbook",
                              "GFDL-1.2+ (KDE documentation)", min(2, KDE_LEFT[0]), per_file=2, text=kde_manual, lo=1200,
                              short=800)


MAN = [f for f in X("*", "usr/share/man/man1/*.gz", "usr/share/man/man5/*.gz", "usr/share/man/man8/*.gz",
                    "usr/share/man/man3/curl_easy_*.gz", "usr/share/man/man3/curl_multi_*.gz")]
k, per_pkg = 0, {}
for f in take(MAN, len(MAN)):
    t = roff_text(read(f))
    pkg = fidelity_build.deb_of(f)[0]
    if len(t) > 500 and k < 16 and per_pkg.get(pkg, 0) < 4:
        per_pkg[pkg] = per_pkg.get(pkg, 0) + 1
        k += add("clean", "man-description", deb_src(f, "see the package's copyright file") + " (the DESCRIPTION section, "
                 "roff markup dropped)", cut(t))

# Sympa: the web interface's help pages (English) as clean pages; the list rules pages are policy (below)
SY = "sympa/usr/share/sympa/default/web_tt2/"


def tt2_text(f, tr=None):
    """A Sympa help template as its rendered page's text: [%|helploc%] messages translated with `tr` (or left in
    English), other template directives dropped."""
    s = read(f)
    s = re.sub(r"\[%\|helploc%\](.*?)\[%END%\]", lambda m: tr(m.group(1)) if tr else m.group(1), s, flags=re.S)
    s = re.sub(r"\[%.*?%\]", "", s, flags=re.S)
    return text_of(s)


SH = [f for f in X("sympa", "usr/share/sympa/default/web_tt2/help_*.tt2") if "rules" not in f]
html_pages(take(SH, len(SH)), "sympa-help", "GPL-2+", 8, text=tt2_text, lo=1000, short=700)

# robotfindskitten's non-kitten items: one-line English descriptions, a run of them a page
NKI = X("robotfindskitten", "usr/share/games/robotfindskitten/vanilla.nki")[0]
run_pages([l.strip() for l in read(NKI).split("\n") if l.strip()], "robotfindskitten-nki",
          deb_src(NKI, "GPL-2+") + " (the non-kitten items, one a line)", 6, lo=1000, hi=2500)

# changelogs written as prose: NEWS and README files of the downloaded packages
NEWS = [f for f in X("*", "usr/share/doc/*/NEWS*", "usr/share/doc/*/README", "usr/share/doc/*/README.md",
                     "usr/share/doc/*/README.gz") if not f.endswith(".Debian.gz") and "Debian" not in f]
k = 0
for f in take(NEWS, len(NEWS)):
    t = markdown_page(read(f))
    if k < 8 and len(t) > 600 and not re.search(r"[^\x00-\u024f\u2000-\u206f]", t[:2000]):
        k += add("clean", "news-readme", deb_src(f, "see the package's copyright file"), cut(t))

# the npm packages' READMEs (the JS libraries read for code above)
RM = sorted(f for d, _, _ in NJS for f in P(d, "README.md", "readme.md"))
html_pages(RM, "npm-readme", "see the package's licence", 8, text=lambda f: markdown_page(read(f)), lo=1200, short=800,
           src=pack_src)

# ---------------------------------------------------------------- policy
copyright_pages(most=46, later=1, longer_than=6000)

# Shotwell's privacy policy for its online services, in each language its help ships
for f in X("shotwell-common", "usr/share/help/*/shotwell/privacy-policy.page"):
    add("policy", "privacy-policy", deb_src(f, "CC-BY-SA-3.0") + " (Mallard page as its rendered text)", mallard_text(f))

# Sympa's rules of use for list subscribers and owners (netiquette, privacy, archiving, data protection), in English
# and as the translated help renders them from the web_help catalogues
RULES = X("sympa", "usr/share/sympa/default/web_tt2/help_user-rules.tt2", "usr/share/sympa/default/web_tt2/help_admin-rules.tt2")
for f in RULES:
    for c in (pieces(tt2_text(f), 1500, 4000) or [tt2_text(f)])[:3]:
        add("policy", "terms-of-use", deb_src(f, "GPL-2+") + " (rendered, English)", cut(c))
for lang in take(["fr", "de", "es", "it", "nl", "pt_BR", "ca", "ja", "ru", "pl", "cs", "sv"], 12)[:8]:
    mo = X("sympa", f"usr/share/locale/{lang}/LC_MESSAGES/web_help.mo")
    if not mo:
        continue
    with open(mo[0], "rb") as g:
        tr = gettext.GNUTranslations(g).gettext
    f = RULES[rnd.randrange(len(RULES))]
    t = tt2_text(f, tr)
    add("policy", "terms-of-use", deb_src(f, "GPL-2+") + f" (rendered with the {lang} web_help.mo translations)",
        cut(t))

# The National Archives cookie banner (fixtures: the component's rendered HTML) and the DSFR consent manager strings
TNA = P("nationalarchives-frontend-1.5.0", "nationalarchives/components/cookie-banner/fixtures.json")[0]
for fx in json.loads(read(TNA))["fixtures"]:
    add("policy", "cookie-banner", pack_src(TNA) + f" (fixture '{fx['name']}' as its rendered text)", text_of(fx["html"]))
DS = P("codegouvfr-react-dsfr-1.33.0", "src/consentManagement/ConsentBannerAndConsentManagement/translation.tsx")[0]
src = read(DS)
for block in re.split(r'"(?:frMessages|messages)"\s*:', src)[1:]:
    strs = [" ".join(s.split()) for s in re.findall(r'"[^"\n]+"\s*:\s*"((?:[^"\\]|\\.)+)"', block)]
    strs += [" ".join(s.split()) for s in re.findall(r">\s*([^<>{}\n][^<>{}]{20,}?)\s*<", block)]
    add("policy", "cookie-banner", pack_src(DS) + " (the consent manager's messages, one a line)", "\n".join(strs))

# the French State design system (DSFR): its terms of use and licence assignment terms, and its consent banner and
# consent manager examples (the template strings as the rendered text)
DSFR = "gouvfr-dsfr-1.15.3"
for f in P(DSFR, "doc/legal/cgu.md", "doc/legal/cession.md"):
    t = markdown_page(re.sub(r"(?s)^---.*?---\n", "", read(f)))
    for c in (pieces(t, 1500, 4000) or [t])[:5]:
        add("policy", "terms-of-use", pack_src(f) + " (French, Markdown as its rendered text)", cut(c))
for f in P(DSFR, "src/dsfr/component/consent/example/sample/banner.ejs",
           "src/dsfr/component/consent/example/sample/modal/body.ejs"):
    strs = re.findall(r"`([^`]+)`|'([^'\n]{12,})'", read(f))
    t = text_of("\n".join("<p>" + (a or b) + "</p>" for a, b in strs))
    add("policy", "cookie-banner", pack_src(f) + " (the example's strings as rendered text)", t)

# project policies: codes of conduct and security policies
POL = X("libcurl4-doc", "usr/share/doc/libcurl4/CODE_OF_CONDUCT.md") + X("smarty4", "usr/share/doc/smarty4/SECURITY.md") + \
    P(DSFR, "SECURITY.md") + P("mongoose-9.13.2", "SECURITY.md")
for f in POL:
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "see copyright")
    add("policy", "project-policy", src + " (the project's conduct or security policy)", cut(markdown_page(read(f))))
LIC = []
for d in sorted(os.listdir(PACK)):
    if os.path.isdir(os.path.join(PACK, d)):
        LIC += P(d, "LICENSE", "LICENSE.md", "LICENSE.txt", "license", "License.md", "LICENCE")
LIC += [f for f in X("*", "**/LICENSE", "**/LICENSE.txt", "**/LICENSE.md", "**/COPYING", "**/COPYING.txt",
                     "**/LICENCE*") if "/common-licenses/" not in f and "/man/" not in f]
k, bodies = 0, set()
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    m = re.search(r"Permission is hereby granted|Redistribution and use|Permission to use, copy|GNU (LESSER |AFFERO )?GENERAL", t)
    b = " ".join(t[m.start():].split())[:300] if m else fidelity_build.lic_body(t)  # one page per licence text
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text")
    if "\ufffd" not in t and len(t) > 600 and b not in bodies and k < 10 and add("policy", "package-licence", src, cut(t)):
        bodies.add(b)
        k += 1

out = os.path.join(HERE, "heldout14-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
