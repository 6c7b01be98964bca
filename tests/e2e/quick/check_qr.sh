#!/bin/sh
# The QR codes of the degree and career pages, read back from screenshots
# with zbarimg (zbar-tools) as a phone would read the screen: each decodes to
# the page's web address. On wide screens (1920x1080 --dpi 92, a 4K TV) the
# degree's code is beside its hero, on the first screen; on the 800x480
# panel it ends the page, so a replay scrolls there.
# (test_talks checks the code is at least 25 mm wide at every size.)
. tests/helpers/prologue.sh
command -v zbarimg >/dev/null || fail "zbarimg is missing: make deps installs zbar-tools"

decode() {
    zbarimg -q --raw "$1" 2>/dev/null | head -n 1
}

expect() { # FILE.png URL
    got=$(decode "$1")
    [ "$got" = "$2" ] || fail "$1: decoded \"$got\", expected \"$2\""
}

"$O" --screenshot "$T/deg.png" --size 1920x1080 --dpi 92 --screen degree:music-production \
    --dump "$T/deg.json" 2>/dev/null || fail "screenshot of the degree page"
expect "$T/deg.png" "https://openday.example.org/music-production"
"$O" --screenshot "$T/car.png" --size 1920x1080 --dpi 92 --screen career:composer \
    2>/dev/null || fail "screenshot of a career page"
expect "$T/car.png" "https://openday.example.org/composer"
# A TV across a room: beside the hero too, larger for the distance.
"$O" --screenshot "$T/tv.png" --size 3840x2160 --dpi 80 --distance 250 \
    --screen degree:music-technology 2>/dev/null || fail "screenshot at 3840x2160"
expect "$T/tv.png" "https://openday.example.org/music-technology"
# A degree's own url (with a query) rather than url_base + id.
"$O" --content tests/three --screenshot "$T/three.png" --size 1920x1080 --dpi 92 \
    --screen degree:computer-science 2>/dev/null || fail "screenshot of tests/three"
expect "$T/three.png" "https://three.example.org/courses/cs?from=kiosk"

# The address is printed under the code, and the code is at least 25 mm.
python3 - "$T/deg.json" <<'PY' || fail "the account of the degree page: see above"
import json, sys
d = json.load(open(sys.argv[1]))
assert any(t["text"] == "https://openday.example.org/music-production" for t in d["texts"]), \
    "the address is not printed"
PY

# 800x480: scroll to the end of the page, then read it.
{
    echo "0 clock 11:35"
    echo "  tap 0.256 0.685"
    echo "  wait 400"
    echo "  tap 0.256 0.685"
    echo "  wait 400"
    echo "  expect-screen degree:music-production"
    i=0
    while [ $i -lt 12 ]; do
        echo "  drag 0.5 0.9 0.5 0.2 400"
        echo "  wait 600"
        i=$((i + 1))
    done
    echo "  wait 3000"
    # The end of the page holds Previous/Next and room for the scroll
    # buttons: back up a little, slowly (no fling), to show the code whole.
    echo "  drag 0.5 0.4 0.5 0.7 1200"
    echo "  wait 2000"
    echo "  shot $T/small.png"
} > "$T/scroll.replay"
"$O" --replay "$T/scroll.replay" --size 800x480 >/dev/null 2>&1 || fail "the scrolling replay"
expect "$T/small.png" "https://openday.example.org/music-production"

# The web export carries the same codes as inline SVG: draw two of them
# from their path and decode them too.
"$O" --export-html "$T/web" >/dev/null 2>&1 || fail "--export-html"
# svg_code PAGE I PGM: the I-th QR code of a web page (an SVG of module
# rows) drawn as a PGM image for zbarimg; prints the address its caption
# links.
svg_code() {
    python3 - "$1" "$2" "$3" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
figs = re.findall(r'<figure class="qr"><svg[^>]*viewBox="0 0 (\d+) \d+"[^>]*>.*?<path fill="#000" d="([^"]*)"/></svg><figcaption><a href="([^"]*)"', html)
n, d, url = figs[int(sys.argv[2])]
n = int(n); s = 6
img = [[255] * (n * s) for _ in range(n * s)]
for x, y, w in re.findall(r'M(\d+) (\d+)h(\d+)v1h-\d+z', d):
    x, y, w = int(x), int(y), int(w)
    for yy in range(y * s, (y + 1) * s):
        for xx in range(x * s, (x + w) * s):
            img[yy][xx] = 0
with open(sys.argv[3], "wb") as f:
    f.write(b"P5\n%d %d\n255\n" % (n * s, n * s))
    f.write(bytes(v for row in img for v in row))
print(url.replace("&amp;", "&"))
PY
}
n=$(grep -o '<figure class="qr">' "$T/web/index.html" | wc -l)
[ "$n" -eq 16 ] || fail "the web page has $n QR codes, expected 16 (2 degrees, 14 careers)"
for i in 0 15; do
    want=$(svg_code "$T/web/index.html" "$i" "$T/web$i.pgm") || fail "reading the SVG code $i"
    expect "$T/web$i.pgm" "$want"
done

# An address outside ASCII: the code carries what a browser sends (the host
# through IDNA, the path percent-encoded), and the web page links and
# encodes the same address.
cp -r content "$T/intl"
sed -i 's|"url_base": "https://openday.example.org/"|"url_base": "https://Bücher.example/studium/ä/"|' \
    "$T/intl/openday.json"
grep -q "Bücher" "$T/intl/openday.json" || fail "the shipped url_base changed: fix this test"
intl="https://xn--bcher-kva.example/studium/%C3%A4/music-production"
"$O" --content "$T/intl" --screenshot "$T/intl.png" --size 1920x1080 --dpi 92 \
    --screen degree:music-production 2>/dev/null || fail "screenshot with a non-ASCII url_base"
expect "$T/intl.png" "$intl"
"$O" --content "$T/intl" --export-html "$T/intlweb" >/dev/null 2>&1 || fail "--export-html (intl)"
grep -q "href=\"$intl\"" "$T/intlweb/index.html" || fail "the web page does not link $intl"
want=$(svg_code "$T/intlweb/index.html" 0 "$T/intlweb0.pgm") || fail "reading the SVG code of the intl page"
[ "$want" = "$intl" ] || fail "the web page's first code links \"$want\", expected \"$intl\""
expect "$T/intlweb0.pgm" "$intl"

echo "check_qr: ok (4 codes at 1920x1080, 1 at 3840x2160, 1 at 800x480 and 3 of the web pages decoded)"
