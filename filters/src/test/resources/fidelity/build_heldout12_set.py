#!/usr/bin/env python3
"""Builds heldout12-set.jsonl.gz: a twelfth labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders, through the shared helpers of
fidelity_build.py. Every source is new: no npm or Debian package that an earlier set names is read, and a page whose
first 200 characters occur in an earlier page (the twelve earlier sets and text-lorem.jsonl) is dropped. Debian files
come from packages NOT installed on the build machine (`apt-get download`, `dpkg-deb -x`, one folder per package
under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK. Every `clean` page is English. Nothing here
ran kiln or its filters; no page was chosen or dropped by how a filter scores it. Sources: HELDOUT12.md.

Standard library only; no generator is run (word lists are read from the generators' files and drawn the way their
code draws them, the seeded generator standing in for theirs); seeded, gzip mtime 0.

usage: DEB_DIR=/tmp/fid12/deb DEB_X=/tmp/fid12/x NPM_PACK=/tmp/fid12/pack python3 build_heldout12_set.py
"""
import ast
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261220
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(12, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text,  # noqa: E402
                            fortunes, lic_src, markdown_page, pack_src, pieces, read, rnd, take, unwrap,
                            wml_dialogue, write)

DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "footnotes", "menu", "header", "footer", "navigation", "nav",
            "breadcrumbs", "sidebar", "related", "sphinxsidebar", "sphinxsidebarwrapper", "headerlink", "contents",
            "topic", "navbar", "toctree-wrapper", "wy-nav-side", "rst-versions", "rst-footer-buttons", "wy-nav-top"}
SPHINX = {"body", "main", "document"}


def html_pages(files, kind, lic, n, per_file=1, lo=1500, hi=4000, text=None, short=0, label="clean", src=None,
               main=()):
    k = 0
    for f in files:
        if k >= n:
            break
        t = (text(f) if text else html_text(f, skip=DOC_SKIP, main=main)).replace("¶", "")
        t = "\n".join(l for l in t.split("\n") if l.strip())
        ps = pieces(t, lo, hi) or ([t] if short and len(t) > short else [])
        for c in ps[:1] + take(ps[1:], per_file - 1):
            if k < n:
                k += add(label, kind, src(f) if src else deb_src(f, lic), cut(c))
    return k


def no_index(fs):
    return [f for f in fs if not re.search(r"/(index|genindex|search|modindex|py-modindex)\.html?$", f)
            and "/_sources/" not in f and "/_modules/" not in f]


# ---------------------------------------------------------------- lorem
CHROME = ["Skip to main content", "Home", "Shop", "Journal", "About", "Contact", "Newsletter", "Search",
          "Recent posts", "Categories", "Share", "Tweet", "Leave a reply", "Older posts", "Newer posts",
          "© 2026 Harrowgate Studio", "Privacy", "Back to top", "Continue reading", "Filed under: News"]


def wrap(i, text):
    return text if i % 3 else "\n".join(take(CHROME, 5)) + "\n" + text + "\n" + "\n".join(take(CHROME, 3))


# reportlab.lib.randomtext: randomText(theme, sentences) and chomsky(times), drawn as the module draws them
RT = X("python3-reportlab", "**/reportlab/lib/randomtext.py")[0]
_rt = {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(read(RT)).body
       if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.List)}
THEMES = [t for t in ("STARTUP", "COMPUTERS", "BLAH", "BUZZWORD", "STARTREK", "PRINTING", "PYTHON") if t in _rt]


def random_text(theme, sentences=5):
    out = ""
    for _ in range(rnd.randint(1, sentences)):
        out += "Blah"
        for _ in range(rnd.randint(10, 25)):
            out += " " + (rnd.choice(_rt[theme]) if rnd.randint(0, 4) == 0 else "blah")
        out += ". "
    return out.strip()


def chomsky(times):
    prev, out = [], []
    for _ in range(times):
        new = []
        for pl in (_rt["leadins"], _rt["subjects"], _rt["verbs"], _rt["objects"]):
            while True:
                part = rnd.choice(pl)
                if part not in prev:
                    break
            new.append(part)
        out.append(" ".join(new))
        prev = new
    return "  ".join(out)


for i in range(10):
    th = THEMES[i % len(THEMES)]
    add("lorem", "reportlab-randomtext", deb_src(RT, "BSD-3-Clause") + f" (randomText({th}, 5), one call a line)",
        wrap(i, "\n".join(random_text(th, 5) for _ in range(3 + i % 3))))
for i in range(8):
    add("lorem", "reportlab-chomsky", deb_src(RT, "BSD-3-Clause") + " (chomsky(times), one call a line)",
        wrap(i + 1, "\n".join(" ".join(chomsky(rnd.randint(3, 6)).split()) for _ in range(3 + i % 3))))

# Data::Random rand_words (Debian libdata-random-perl): distinct words of its dict, shuffled
DR = X("libdata-random-perl", "usr/share/perl5/Data/Random/dict")[0]
DWORDS = [w for w in read(DR).split("\n") if w.strip()]
for i in range(18):
    lines = [" ".join(rnd.sample(DWORDS, rnd.randint(8, 40))) for _ in range(4 + i % 4)]
    if i % 2:
        lines = [l[0].upper() + l[1:] + "." for l in lines]
    add("lorem", "data-random-words", deb_src(DR, "Artistic or GPL-1+") + " (rand_words(size => N), one call a line)",
        wrap(i, "\n".join(lines)))

# hulipsum (TeX Live, Hungarian dummy text "Lórum ipse"): consecutive paragraphs from a drawn start
HU = X("texlive-lang-european", "**/hulipsum/hulipsum.sty")[0]
ACC = {"'": "\u0301", '"': "\u0308", "H": "\u030b", "`": "\u0300", "^": "\u0302"}


def detex(s):
    import unicodedata
    s = re.sub(r"\\([\'\"H`^])\{?\\?([A-Za-z])\}?", lambda m: unicodedata.normalize("NFC", m.group(2) + ACC[m.group(1)]), s)
    s = s.replace("~", " ").replace("--", "–")
    return " ".join(re.sub(r"\\[a-zA-Z@]+\s*|[{}]", "", s).split())


HUP = [detex(m) for m in re.findall(r"\\def\\hulipsum@[ivxlc]+\{\\g@addto@macro\\hulipsumexp\{(.*)\}\}\s*$", read(HU), re.M)]
for i in range(10):
    s = rnd.randrange(len(HUP))
    add("lorem", "hulipsum", deb_src(HU, "LPPL-1.3c") + " (\\hulipsum[a-b]: consecutive paragraphs from a drawn start)",
        wrap(i, "\n".join(HUP[(s + j) % len(HUP)] for j in range(2 + i % 4))))

# ---------------------------------------------------------------- code
C = [("cl-ppcre", ["**/*.lisp"], "common-lisp", "BSD-2-Clause", 3), ("cl-asdf", ["**/*.lisp", "**/*.asd"], "common-lisp-asdf", "MIT", 4),
     ("cl-babel", ["**/*.lisp"], "common-lisp-babel", "MIT", 3), ("slib", ["**/*.scm"], "scheme-slib", "SLIB licence (see copyright)", 5),
     ("php-twig", ["**/*.php"], "php-twig", "BSD-3-Clause", 4), ("ruby-sinatra", ["**/*.rb"], "ruby", "MIT", 3),
     ("elpa-markdown-mode", ["**/*.el"], "emacs-lisp", "GPL-3+", 2), ("elpa-web-mode", ["**/*.el"], "emacs-lisp", "GPL-3+", 2),
     ("elpa-lua-mode", ["**/*.el"], "emacs-lisp", "GPL-2+", 1), ("elpa-go-mode", ["**/*.el"], "emacs-lisp", "BSD-3-Clause", 1),
     ("elpa-yasnippet-snippets", ["**/snippets/**/*"], "yasnippet", "GPL-3+", 3), ("vim-scripts", ["**/*.vim"], "vim-script", "see copyright", 5),
     ("verilator", ["**/*.v", "**/*.sv"], "verilog", "LGPL-3 / Artistic-2.0", 3), ("verilator", ["**/examples/**/*.cpp"], "cpp-verilator", "CC0 (examples)", 2),
     ("asymptote-doc", ["**/*.asy"], "asymptote", "LGPL-3+", 4), ("povray-examples", ["**/*.pov", "**/*.inc"], "povray-scene", "AGPL-3+ (see copyright)", 5),
     ("povray-examples", ["**/*.ini"], "povray-ini", "AGPL-3+ (see copyright)", 1), ("abcm2ps", ["**/*.abc"], "abc-notation", "LGPL-3+", 2),
     ("abcm2ps", ["**/*.fmt"], "abcm2ps-format", "LGPL-3+", 1), ("knot-resolver", ["**/*.lua"], "lua-knot-resolver", "GPL-3+", 3),
     ("knot-resolver", ["**/examples/config.*"], "knot-resolver-config", "GPL-3+", 2), ("munin-plugins-core", ["usr/share/munin/plugins/*"], "munin-plugin", "GPL-2", 4),
     ("lxc-templates", ["usr/share/lxc/templates/*"], "shell-lxc-template", "LGPL-2.1+", 3), ("lxc-templates", ["**/*.conf"], "lxc-config", "LGPL-2.1+", 2),
     ("conky-std", ["**/*.conf*", "**/*.vim"], "conky-config", "GPL-3+", 2), ("openbox", ["etc/xdg/openbox/*", "**/themerc"], "openbox-config", "GPL-2+", 2),
     ("dunst", ["etc/xdg/dunst/dunstrc"], "dunstrc", "BSD-3-Clause", 1), ("kitty", ["**/*.py"], "python-kitty", "GPL-3", 3),
     ("kitty", ["**/*.glsl"], "glsl-shader", "GPL-3", 3), ("colobot-common", ["**/*.glsl"], "glsl-shader", "GPL-3+", 2),
     ("mpv", ["**/*.lua"], "lua-mpv", "GPL-2+", 3), ("mpv", ["**/*.conf"], "mpv-config", "GPL-2+", 1),
     ("mpd", ["**/mpdconf*"], "mpd-config", "GPL-2+", 1), ("ncmpcpp", ["**/examples/*"], "ncmpcpp-config", "GPL-2+", 2),
     ("fluxbox", ["**/styles/*", "**/*.cfg", "etc/X11/fluxbox/*"], "fluxbox-config", "MIT", 2), ("coturn", ["**/*.conf*", "**/*.sql"], "coturn-config", "BSD-3-Clause", 2),
     ("coturn", ["**/*.sh"], "shell-coturn", "BSD-3-Clause", 2), ("ircd-hybrid", ["**/*.conf*"], "ircd-config", "GPL-2+", 1),
     ("opensmtpd", ["etc/*.conf", "**/smtpd.conf*"], "smtpd-config", "ISC", 1), ("znc", ["**/*.tmpl"], "znc-template", "Apache-2.0", 3),
     ("tinyproxy", ["**/*.conf*"], "tinyproxy-config", "GPL-2+", 1), ("geany-common", ["**/filedefs/*"], "geany-filetype", "GPL-2+", 3),
     ("jekyll", ["**/*.rb"], "ruby-jekyll", "MIT", 3), ("pelican", ["**/*.html"], "jinja-template", "AGPL-3", 2),
     ("python3-searx", ["**/*.py"], "python-searx", "AGPL-3+", 2), ("freedombox", ["**/plinth/**/*.py"], "python-freedombox", "AGPL-3+", 3),
     ("mailman3", ["**/*.cfg"], "mailman-config", "GPL-3+", 2), ("micropolis-data", ["**/*.tcl"], "tcl-micropolis", "GPL-3+", 3),
     ("colobot-common", ["**/ai/*.txt"], "cbot-ai", "GPL-3+", 2), ("radicale", ["**/config*", "**/rights*"], "radicale-config", "GPL-3+", 1),
     ("manaplus-data", ["**/*.xml"], "manaplus-xml", "GPL-2+", 2), ("wesnoth-1.16-ttb", ["**/units/*.cfg", "**/utils/*.cfg", "**/_main.cfg"], "wml", "GPL-2+", 2)]
for pkg, pats, kind, lic, n in C:
    fs = [f for f in X(pkg, *pats) if not re.search(r"\.(png|gz|mo|so|xpm|jpg|ogg|wav)$", f)]
    cfg = kind.endswith("config") or kind in ("dunstrc", "geany-filetype")
    code_pages(take(fs, 200), kind, lic_src(lic), n, lo=600 if cfg else 800, per_file=1 if cfg else 2)
for d, pat, kind in [("gatsby-telemetry-4.14.0", "src/*.ts", "typescript"), ("altcha-3.2.2", "dist/themes/*.css", "css"),
                     ("nuxt-telemetry-2.9.1", "dist/shared/*.mjs", "js-nuxt-telemetry")]:
    code_pages(take(P(d, pat), 40), kind, pack_src, 2)


# ---------------------------------------------------------------- clean (all English)
def text_of_tpl(f):
    t = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", read(f), flags=re.S)
    return fidelity_build.text_of(t, skip=DOC_SKIP)


def wml_text(f):
    return "\n".join(wml_dialogue(f))


WS = []
for c in ("did", "l", "thot", "ttb"):
    WS += X(f"wesnoth-1.16-{c}", "**/scenarios/*.cfg")
html_pages(take(WS, len(WS)), "wesnoth-dialogue", "GPL-2+", 40, text=wml_text, lo=1200, short=900)
MF = [f for f in X("haskell-misfortune", "usr/share/misfortune/data/normal/**/*") if not f.endswith(".ix")
      and re.search(r"/(literature|songs-poems|love|wisdom|people|work|education|science|art|humorists|platitudes|pets|food|sports|miscellaneous|kids|magic)$", f)]
html_pages(take(MF, len(MF)), "misfortune-quotes", "public domain / see copyright", 22, text=lambda f: fortunes(f), per_file=2, lo=1200)
CB = X("colobot-common", "usr/share/games/colobot/help/E/**/*.txt")


def colobot_text(f):
    t = read(f)
    t = re.sub(r"\\[a-z]+(?: [^;\n]*)?;", "", t)
    return unwrap(t)


html_pages(take(CB, len(CB)), "colobot-help", "GPL-3+", 18, text=colobot_text, lo=1000, short=700)
html_pages(take(no_index(X("micropolis-data", "**/manual/*.html")), 80), "micropolis-manual", "GPL-3+", 16, lo=1200, short=900)
html_pages(take(X("c++-annotations-txt", "**/*.txt*", "**/c++-annotations-txt/*.gz"), 5), "cpp-annotations", "GPL-3+", 10,
           text=lambda f: unwrap(read(f)), per_file=10)
html_pages(take(no_index(X("docutils-doc", "**/*.html")), 60), "docutils-docs", "public domain / BSD-2", 18, main=("document",))
html_pages(take(X("docker-doc", "**/*.md", "**/*.md.gz"), 90), "docker-docs", "Apache-2.0", 20, text=lambda f: markdown_page(read(f)))
html_pages(take(no_index(X("drgeo-doc", "usr/share/drgeo/help/en/*.html")), 120), "drgeo-manual", "GPL-2+", 10, lo=1000, short=800)
html_pages(take(no_index(X("verilator", "**/html/*.html")), 30), "verilator-docs", "LGPL-3 / Artistic-2.0", 10, main=SPHINX)
html_pages(take(no_index(X("slib", "**/*.html")), 200), "slib-manual", "SLIB licence", 8, lo=1200, short=900)
html_pages(take(no_index(X("asymptote-doc", "**/*.html")), 150), "asymptote-manual", "LGPL-3+", 8, lo=1200, short=900)
html_pages(take(no_index(X("povray-examples", "**/*.htm", "**/*.html")), 50), "povray-docs", "AGPL-3+", 6, lo=1200, short=900)
html_pages(take(no_index(X("vim-scripts", "**/*.html")), 35) + take(X("vim-scripts", "**/doc/*.txt"), 20), "vim-scripts-docs",
           "see copyright", 8, text=lambda f: html_text(f, skip=DOC_SKIP) if "htm" in f else unwrap(read(f)), lo=1200, short=900)
html_pages(take(no_index(X("mpd", "**/*.html")), 10), "mpd-manual", "GPL-2+", 6, main=SPHINX, per_file=2)
TX = X("frotz", "usr/share/doc/frotz/*") + X("inform6-compiler", "usr/share/doc/**/*.txt*", "usr/share/doc/**/*.md*") + \
    X("tintin++", "usr/share/doc/tintin++/*") + X("meritous-data", "**/*.txt") + X("freedroid-data", "usr/share/doc/**/README*") + \
    X("jekyll", "**/jekyll-*/README*") + X("radicale", "usr/share/doc/radicale/*.html") + X("pioneers-data", "**/ATTRIB")
TX = [f for f in TX if not re.search(r"/(copyright|changelog[^/]*)$", f)]
html_pages(take(TX, len(TX)), "readme-faq", "each package's copyright file", 20,
           text=lambda f: html_text(f, skip=DOC_SKIP) if f.endswith(".html") else (markdown_page(read(f)) if ".md" in f else unwrap(read(f))),
           lo=1200, short=800)
html_pages(take([f for f in X("freedombox", "**/help/templates/*.html")], 10), "freedombox-help", "AGPL-3+", 4,
           text=lambda f: text_of_tpl(f), lo=800, short=500)


# ---------------------------------------------------------------- policy
copyright_pages(most=58, later=1, longer_than=6000)
# privacy, consent, telemetry notices and a code of conduct
NOT = []
for f in X("python3-searx", "**/templates/*/about.html", "**/templates/__common__/about.html") + X("freedombox", "**/privacy/templates/*.html", "**/help/templates/help_feedback.html"):
    NOT.append((deb_src(f, "AGPL-3+") + " (a privacy notice page, template markup left out)", text_of_tpl(f)))
for f in X("jekyll", "**/CODE_OF_CONDUCT.md.erb"):
    NOT.append((deb_src(f, "MIT") + " (the Contributor Covenant template)", markdown_page(re.sub(r"<%.*?%>", "", read(f)))))
for d in ("astrojs-telemetry-3.3.3", "better-auth-telemetry-1.7.29", "carbon-telemetry-0.1.0", "use-cookie-consent-core-0.3.6",
          "wix-consent-policy-manager-1.15.0", "adv-ui-universal-consents-cookies-widget-1.39.0", "etalab-project-legal-0.6.0"):
    for f in P(d, "README.md"):
        NOT.append((pack_src(f) + " (the notice README)", markdown_page(read(f))))


def js_notice(files):
    out = []
    for f in files:
        for v in re.findall(r"[`'\"]((?:[^`'\"\\\n]|\\.){60,})[`'\"]", read(f)):
            v = " ".join(v.replace("\\n", " ").split())
            if re.search(r"(?i)telemetry|anonymous|collect|cookie|consent|privacy|personal data|opt.?out|tracking", v) and " " in v and v not in out:
                out.append(v)
    return "\n".join(out)


for d, pat in [("gatsby-telemetry-4.14.0", "src/*.ts"), ("nuxt-telemetry-2.9.1", "dist/*.mjs"), ("nuxt-telemetry-2.9.1", "dist/shared/*.mjs"),
               ("expo-styleguide-cookie-consent-2.3.0", "dist/*.js"), ("adv-ui-universal-consents-cookies-widget-1.39.0", "lib/**/*.js"),
               ("astrojs-telemetry-3.3.3", "dist/*.js"), ("storybook-telemetry-8.6.18", "*.js"), ("altcha-3.2.2", "dist/**/*.js")]:
    fs = P(d, pat)
    if fs:
        NOT.append((pack_src(fs[0]).replace(os.path.basename(fs[0]), os.path.basename(pat)) + " (the notice strings)", js_notice(fs)))
for src, t in NOT:
    t = "\n".join(l for l in t.split("\n") if l.strip())
    for c in (pieces(t, 1500, 4000) or [t])[:2]:
        add("policy", "privacy-notice", src, cut(c))
LIC = X("texlive-lang-european", "**/LICEN[CS]E*", "**/COPYING*") + X("texlive-lang-other", "**/LICEN[CS]E*", "**/COPYING*") + \
    X("texlive-lang-cyrillic", "**/LICEN[CS]E*", "**/COPYING*") + X("povray-examples", "**/LICENSE*") + X("docutils-doc", "**/COPYING*", "**/licenses/*")
k, bodies = 0, set()
for f in take(LIC, len(LIC)):
    t = unwrap(read(f))
    b = " ".join(t.split())[:300]
    if "\ufffd" not in t and len(t) > 600 and b not in bodies and k < 10 and add("policy", "package-licence", deb_src(f, "the licence text"), cut(t)):
        bodies.add(b)
        k += 1

out = os.path.join(HERE, "heldout12-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
