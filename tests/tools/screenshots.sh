#!/bin/sh
# Render the README screenshots with the app itself. Usage: screenshots.sh BIN DIR
BIN=${1:-build/openday}
DIR=${2:-assets/screenshots}
mkdir -p "$DIR"
for s in attract home degree:music-production compare careers career:junior-audio-programmer ba-bs about; do
    f=$(echo "$s" | tr ':,' '--')
    "$BIN" --screenshot "$DIR/$f.png" --screen "$s" --size 800x480 || exit 1
done
# Portrait: a 7-inch panel turned on its side (133 dpi, as in the goldens).
"$BIN" --screenshot "$DIR/careers-portrait.png" --screen careers --size 720x1280 --dpi 133 || exit 1
"$BIN" --screenshot "$DIR/home-1080p.png" --screen home --size 1920x1080 --dpi 92 || exit 1
"$BIN" --screenshot "$DIR/compare-1080p.png" --screen compare --size 1920x1080 --dpi 92 || exit 1
"$BIN" --content tests/three --screenshot "$DIR/three-careers-1080p.png" --screen careers \
    --size 1920x1080 --dpi 92 || exit 1
"$BIN" --content tests/three --screenshot "$DIR/three-careers-portrait.png" --screen careers \
    --size 720x1280 --dpi 133 || exit 1
# The day's talks at 11:35 (two on now, one next) and a degree page with
# its next talk and QR code.
"$BIN" --screenshot "$DIR/today-portrait.png" --screen today --size 720x1280 --dpi 133 --clock 11:35 || exit 1
"$BIN" --screenshot "$DIR/degree-qr-1080p.png" --screen degree:music-technology \
    --size 1920x1080 --dpi 92 --clock 11:35 || exit 1
# Which degree suits me? A question on the 7-inch panel and a result on a
# 24-inch monitor; and Home at 13:00, when a notice is showing.
"$BIN" --screenshot "$DIR/quiz.png" --screen quiz:2 --size 800x480 || exit 1
"$BIN" --screenshot "$DIR/quiz-result-1080p.png" --screen quiz-result:2,1,2,2 \
    --size 1920x1080 --dpi 92 || exit 1
"$BIN" --screenshot "$DIR/home-notice.png" --screen home --size 800x480 --clock 13:00 || exit 1
# Visitor languages: the chooser over Home in German on the monitor, and a
# degree page in German on a portrait panel.
"$BIN" --screenshot "$DIR/languages-1080p.png" --screen home+languages --language de \
    --size 1920x1080 --dpi 92 || exit 1
"$BIN" --screenshot "$DIR/degree-de-portrait.png" --screen degree:music-production \
    --language de --size 720x1280 --dpi 133 || exit 1
echo "screenshots written to $DIR"
