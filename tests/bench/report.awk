# report.awk - the benchmark's table and JSON from bench.sh's results file
# ("key value" lines; the value is the rest of the line).
#   awk -v sizes="800x480 ..." -v json=OUT.json -v notes=NOTES_FILE -f report.awk RESULTS
# Prints the table with PASS / MISS / n/a against each target and writes the
# same figures to OUT.json. A figure that was not measured is "-" in the
# table and null in the JSON.

{
    k = $1
    v = $0
    sub(/^[^ ]+ ?/, "", v)
    # Numbers are stored as numbers, so that comparisons are numeric.
    val[k] = v ~ /^-?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?$/ ? v + 0 : v
}

function has(k) { return (k in val) && val[k] != "" && val[k] != "nan" }
function get(k) { return has(k) ? val[k] : "-" }
function fmt(x, f) { return x == "-" ? "-" : sprintf(f, x) }
function ratio(a, b, f) { return (has(a) && has(b) && val[b] + 0 != 0) ? sprintf(f, val[a] / val[b]) : "-" }
function per_frame(k, s) {
    if (!has(k) || !has("od." s ".tour.frames") || val["od." s ".tour.frames"] <= 0)
        return "-"
    return sprintf("%.2f", val[k] / val["od." s ".tour.frames"])
}
function hit_rate(s,   h, m) {
    h = "od." s ".tour.hits"; m = "od." s ".tour.misses"
    if (!has(h) || !has(m) || val[h] + val[m] <= 0)
        return "-"
    return sprintf("%.2f", 100 * val[h] / (val[h] + val[m]))
}

# One row of the table: a label and one cell per size (cells[1..ns]).
function row(label, c1, c2, c3,   line, i, c) {
    line = sprintf("%-46s", label)
    for (i = 1; i <= ns; i++) {
        c = i == 1 ? c1 : i == 2 ? c2 : c3
        line = line sprintf(" %12s", c)
    }
    print line
}
# A row whose value does not depend on the size.
function wide(label, text) { printf "%-46s %s\n", label, text }
function rule() { print substr("--------------------------------------------------------------------------------------------------------", 1, 47 + 13 * ns) }

function srow(label, key, f,   i, c) {
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? fmt(get("od." sz[i] "." key), f) : ""
    row(label, c[1], c[2], c[3])
}
function crow(label, key, f,   i, c) {
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? fmt(get("cr." sz[i] "." key), f) : ""
    row(label, c[1], c[2], c[3])
}

# Targets: verdict(name, measured text, ok) with ok 1, 0, or -1 (not measured).
# The kinds of screen timed at size s, sorted, into kname[1..]; their count.
function kinds_of(s,   k, n, pre, name, i, j, t, seen) {
    n = 0; pre = "od." s ".kind."
    for (k in val) {
        if (index(k, pre) != 1 || k !~ /\.frames$/)
            continue
        name = substr(k, length(pre) + 1); sub(/\.frames$/, "", name)
        kname[++n] = name
    }
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && kname[j - 1] > kname[j]; j--) { t = kname[j]; kname[j] = kname[j - 1]; kname[j - 1] = t }
    return n
}

function target(name, shown, ok,   r) {
    r = ok < 0 ? "n/a" : ok ? "PASS" : "MISS"
    nt++
    tname[nt] = name; tshown[nt] = shown; tres[nt] = r
}

function jstr(s) {
    gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, " ", s)
    return "\"" s "\""
}
function jnum(k) { return has(k) ? val[k] + 0 : "null" }
function jval(x) { return x == "-" ? "null" : x + 0 }

END {
    ns = split(sizes, sz, " ")
    if (ns > 3) ns = 3
    while ((getline line < notes) > 0) note[++nn] = line

    cr_present = 0
    for (i = 1; i <= ns; i++) if (has("cr." sz[i] ".start_ms")) cr_present = 1

    print ""
    printf "openday benchmark  %s  %s, %s cores  %s\n", get("meta.date"), get("meta.cpu"),
        get("meta.cores"), get("meta.openday")
    if (cr_present)
        printf "peer: %s on the page written by %s\n", get("meta.chromium"), get("meta.page")
    printf "headless, software renderer; medians of %s runs\n", get("meta.runs")
    rule()
    row("", sz[1], sz[2], sz[3])
    rule()
    srow("first frame of Home, start to PNG (ms)", "start_ms", "%.1f")
    srow("  CPU (s)", "start_cpu_s", "%.3f")
    srow("  peak RSS (MiB)", "rss_mib", "%.1f")
    if (cr_present) {
        crow("Chromium screenshot of the page (ms)", "start_ms", "%.1f")
        crow("  CPU, all processes (s)", "cpu_s", "%.3f")
        crow("  peak RSS, largest process (MiB)", "rss_mib", "%.1f")
        crow("  processes", "procs", "%d")
        for (i = 1; i <= 3; i++) c[i] = i <= ns ? ratio("cr." sz[i] ".start_ms", "od." sz[i] ".start_ms", "%.1fx") : ""
        row("openday faster to first frame by", c[1], c[2], c[3])
        for (i = 1; i <= 3; i++) c[i] = i <= ns ? ratio("od." sz[i] ".start_cpu_s", "cr." sz[i] ".cpu_s", "%.3f") : ""
        row("openday CPU / Chromium CPU", c[1], c[2], c[3])
        for (i = 1; i <= 3; i++) c[i] = i <= ns ? ratio("od." sz[i] ".rss_mib", "cr." sz[i] ".rss_mib", "%.3f") : ""
        row("openday RSS / Chromium largest RSS", c[1], c[2], c[3])
    } else {
        wide("Chromium", "not installed: openday's figures alone (make bench-chromium-deps)")
    }
    rule()
    srow("tour at 60 fps, real time: frames drawn", "tour.frames", "%d")
    srow("  late frames", "tour.late", "%d")
    srow("  frame work mean (ms)", "tour.work_mean_ms", "%.3f")
    srow("  frame work p99 (ms)", "tour.work_p99_ms", "%.3f")
    srow("  frame work max (ms)", "tour.work_max_ms", "%.3f")
    srow("  layouts", "tour.layouts", "%d")
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? per_frame("od." sz[i] ".tour.hits", sz[i]) : ""
    row("  text cache per frame: hits", c[1], c[2], c[3])
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? per_frame("od." sz[i] ".tour.misses", sz[i]) : ""
    row("    misses", c[1], c[2], c[3])
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? per_frame("od." sz[i] ".tour.rasterised", sz[i]) : ""
    row("    rasterisations", c[1], c[2], c[3])
    for (i = 1; i <= 3; i++) c[i] = i <= ns ? hit_rate(sz[i]) : ""
    row("  text-cache hit rate (%)", c[1], c[2], c[3])
    srow("  text cache at the end (MiB)", "tour.cache_mib", "%.1f")
    # Frame work by kind of screen ("moving": a transition, scroll or pulse).
    for (i = 1; i <= ns; i++) {
        nk = kinds_of(sz[i])
        if (!nk)
            continue
        wide("  by screen at " sz[i], "frames, work p50 / p99 / max (ms); CPU p50 / p99 / max (ms)")
        for (j = 1; j <= nk; j++) {
            p = "od." sz[i] ".kind." kname[j] "."
            kl = kname[j]; gsub(/_/, " ", kl)
            wide("    " kl, sprintf("%5d  %7.3f / %7.3f / %7.3f;  %s / %s / %s", val[p "frames"], val[p "p50"], val[p "p99"], val[p "max"],
                 fmt(get(p "cpu_p50"), "%.3f"), fmt(get(p "cpu_p99"), "%.3f"), fmt(get(p "cpu_max"), "%.3f")))
        }
    }
    rule()
    for (j = 1; j <= 3; j++) {
        w = j == 1 ? "first" : j == 2 ? "restart" : "variants"
        p = "st." w "."
        wide(j == 1 ? "start-up work at 1920x1080, attract loop" : "", sprintf("%-9s %s ms to the tables (%s s CPU), %s s CPU in the first 10 s, %s MiB at 15 s; %s of %s tables built, %s dictionaries read",
             w, get(p "ready_ms"), get(p "ready_cpu_s"), get(p "cpu10_s"), get(p "rss15_mib"), get(p "built"), get(p "langs"), get(p "dict_reads")))
    }
    wide("", "(first: no tables in the state folder; restart: the same folder again; variants: en, de, de-AT, de-CH, first start)")
    srow("idle kiosk: start-up work until the tables (ms)", "attract.startup_ms", "%d")
    srow("  its CPU (s)", "attract.startup_cpu_s", "%.3f")
    srow("idle kiosk, attract loop: CPU (% of a core)", "attract.cpu_pct", "%.2f")
    srow("  resident set at the end (MiB)", "attract.rss_mib", "%.1f")
    srow("  frames in 10 s after warm-up", "attract.frames_after_warmup", "%d")
    srow("  rasterisations after warm-up", "attract.rasterised_after_warmup", "%d")
    srow("still Home: CPU (% of a core)", "still.cpu_pct", "%.2f")
    srow("  resident set at the end (MiB)", "still.rss_mib", "%.1f")
    srow("  rasterisations after warm-up", "still.rasterised_after_warmup", "%d")
    rule()
    if (has("cg.ir_per_frame")) {
        wide("callgrind, tour at 800x480: Ir per frame", sprintf("%.0f (%d frames; start-up %.1f M Ir, not counted)",
             val["cg.ir_per_frame"], val["cg.frames"], val["cg.ir_startup"] / 1e6))
        wide("", get("cg.mode"))
    } else {
        wide("callgrind, tour at 800x480: Ir per frame", "-")
    }
    wide("content: degrees", "load+validate / layout / total (ms), model heap (KiB), peak RSS (MiB)")
    split("1 10 100 1000", deg, " ")
    for (i = 1; i <= 4; i++) {
        n = deg[i]; p = "scale." n "."
        wide(sprintf("  %d", n), sprintf("%s / %s / %s, %s KiB, %s MiB", fmt(get(p "load_ms"), "%.2f"),
             fmt(get(p "layout_ms"), "%.2f"), fmt(get(p "total_ms"), "%.2f"), fmt(get(p "model_kib"), "%.0f"),
             has(p "maxrss_kib") ? sprintf("%.1f", val[p "maxrss_kib"] / 1024) : "-"))
    }
    # Growth: the cost of one more degree between 100 and 1000 degrees over
    # that between 10 and 100 (fixed costs cancel out). 1 is linear; a
    # quadratic part makes it about 10.
    for (j = 1; j <= 3; j++) {
        what = j == 1 ? "load_ms" : j == 2 ? "layout_ms" : "total_ms"
        g[what] = "-"
        if (has("scale.10." what) && has("scale.100." what) && has("scale.1000." what) &&
            val["scale.100." what] > val["scale.10." what])
            g[what] = sprintf("%.2f", ((val["scale.1000." what] - val["scale.100." what]) / 900) / ((val["scale.100." what] - val["scale.10." what]) / 90))
    }
    growth = "-"
    if (has("scale.1.total_ms") && has("scale.10.total_ms") && has("scale.100.total_ms") && has("scale.1000.total_ms"))
        growth = sprintf("x%.1f, x%.1f, x%.1f", val["scale.10.total_ms"] / val["scale.1.total_ms"],
                         val["scale.100.total_ms"] / val["scale.10.total_ms"],
                         val["scale.1000.total_ms"] / val["scale.100.total_ms"])
    wide("  growth of the total, 1->10->100->1000", growth)
    wide("  cost per degree, 100-1000 vs 10-100", sprintf("load %s, layout %s, total %s (1 = linear)", g["load_ms"], g["layout_ms"], g["total_ms"]))

    if (has("sp.on.late") || has("sp.first_ms_mean")) {
        wide("Read aloud, tour at 800x480: late frames", sprintf("off %s, on %s (work mean %s / %s ms)",
            get("sp.off.late"), get("sp.on.late"), get("sp.off.work_mean_ms"), get("sp.on.work_mean_ms")))
        wide("Read aloud: asked -> first samples ready", sprintf("mean %s ms, max %s ms (%s utterances, %s started)",
            get("sp.first_ms_mean"), get("sp.first_ms_max"), get("sp.said"), get("sp.started")))
    }

    # ---- targets ----
    big = "1920x1080"; small = "800x480"
    k = "od." big ".start_ms"
    target("Home first frame at " big " < 100 ms", fmt(get(k), "%.1f ms"), has(k) ? val[k] < 100 : -1)
    r = ratio("cr." big ".start_ms", k, "%.1f")
    target("Home first frame at " big " >= 30x faster than Chromium", r == "-" ? "-" : r "x", r == "-" ? -1 : r + 0 >= 30)
    k = "od." big ".rss_mib"
    target("peak RSS at " big " < 24 MiB", fmt(get(k), "%.1f MiB"), has(k) ? val[k] < 24 : -1)
    r = ratio(k, "cr." big ".rss_mib", "%.3f")
    target("peak RSS at " big " <= 1/10 of Chromium's largest", r == "-" ? "-" : r, r == "-" ? -1 : r + 0 <= 0.1)
    k = "st.restart.rss15_mib"
    target("running kiosk RSS at " big ", attract loop, 15 s <= 32 MiB", fmt(get(k), "%.1f MiB (two languages, a restart)"), has(k) ? val[k] <= 32 : -1)
    k = "st.variants.dict_reads"
    target("regional variants: one dictionary read per file", has(k) ? sprintf("%d read for en, de, de-AT, de-CH (2 files); %s MiB at 15 s", val[k], get("st.variants.rss15_mib")) : "-", has(k) ? val[k] <= 2 : -1)
    k = "st.restart.built"
    target("start-up work not paid at every start (a restart builds no table)", has(k) ? sprintf("%d built; CPU in the first 10 s %s s (first start %s s)", val[k], get("st.restart.cpu10_s"), get("st.first.cpu10_s")) : "-", has(k) ? val[k] == 0 : -1)
    k = "od." big ".tour.work_p99_ms"
    target("tour frame work p99 at " big " <= 2.0 ms", fmt(get(k), "%.3f ms"), has(k) ? val[k] <= 2.0 : -1)
    k = "od." small ".tour.work_p99_ms"
    target("tour frame work p99 at " small " <= 1.0 ms", fmt(get(k), "%.3f ms"), has(k) ? val[k] <= 1.0 : -1)
    late = 0; seen = 0; shown = ""
    for (i = 1; i <= ns; i++) if (has("od." sz[i] ".tour.late")) {
        seen = 1; late += val["od." sz[i] ".tour.late"]
        shown = shown (shown == "" ? "" : ", ") val["od." sz[i] ".tour.late"]
    }
    target("no late frame in the tour (each size)", seen ? shown : "-", seen ? late == 0 : -1)
    worst = ""; seen = 0
    for (i = 1; i <= ns; i++) if (has("od." sz[i] ".still.cpu_pct")) {
        seen = 1; if (worst == "" || val["od." sz[i] ".still.cpu_pct"] > worst) worst = val["od." sz[i] ".still.cpu_pct"]
    }
    target("still screen < 1% of a core (each size)", seen ? worst "%" : "- (no still screen: see notes)", seen ? worst < 1 : -1)
    worst = ""; seen = 0
    for (i = 1; i <= ns; i++) if (has("od." sz[i] ".still.rasterised_after_warmup")) {
        seen = 1; if (worst == "" || val["od." sz[i] ".still.rasterised_after_warmup"] > worst) worst = val["od." sz[i] ".still.rasterised_after_warmup"]
    }
    target("no rasterisation on a still screen after warm-up", seen ? worst : "-", seen ? worst == 0 : -1)
    worst = ""; seen = 0
    for (i = 1; i <= ns; i++) { h = hit_rate(sz[i]); if (h != "-") { seen = 1; if (worst == "" || h + 0 < worst) worst = h + 0 } }
    target("text-cache hit rate over the tour >= 99% (each size)", seen ? worst "%" : "-", seen ? worst >= 99 : -1)
    lin = (g["load_ms"] == "-" || g["layout_ms"] == "-") ? -1 : (g["load_ms"] + 0 <= 1.5 && g["layout_ms"] + 0 <= 1.5)
    target("content load, layout no worse than linear (<= 1.5)", "load " g["load_ms"] ", layout " g["layout_ms"], lin)
    k = "scale.1000.total_ms"
    target("1000 degrees: load + layout <= 50 ms", fmt(get(k), "%.1f ms"), has(k) ? val[k] <= 50 : -1)
    r = ratio(k, "scale.10.total_ms", "%.1f")
    target("1000 degrees: <= 8x the 10-degree figure", r == "-" ? "-" : r "x", r == "-" ? -1 : r + 0 <= 8)
    ok = has("sp.on.late") && has("sp.off.late")
    target("Read aloud: no more late frames than without (800x480)",
        ok ? "off " val["sp.off.late"] ", on " val["sp.on.late"] : "-", ok ? val["sp.on.late"] <= val["sp.off.late"] : -1)
    ok = has("sp.first_ms_max") && has("sp.transition_ms")
    target("Read aloud: first samples < 300 ms after a screen opens",
        ok ? sprintf("worst %.1f ms (%.1f ms from the touch, after the %d ms transition)", val["sp.first_ms_max"],
                     val["sp.first_ms_max"] + val["sp.transition_ms"], val["sp.transition_ms"]) : "-",
        ok ? val["sp.first_ms_max"] < 300 : -1)

    rule()
    pass = miss = na = 0
    for (i = 1; i <= nt; i++) {
        printf "%-4s  %-60s %s\n", tres[i], tname[i], tshown[i]
        if (tres[i] == "PASS") pass++; else if (tres[i] == "MISS") miss++; else na++
    }
    rule()
    printf "targets: %d PASS, %d MISS, %d not measured\n", pass, miss, na
    for (i = 1; i <= nn; i++) print "note: " note[i]

    # ---- JSON ----
    o = "{\n"
    o = o "  \"date\": " jstr(get("meta.date")) ",\n  \"cpu\": " jstr(get("meta.cpu")) ",\n"
    o = o "  \"cores\": " jnum("meta.cores") ",\n  \"openday\": " jstr(get("meta.openday")) ",\n"
    o = o "  \"runs\": " jnum("meta.runs") ",\n"
    o = o "  \"chromium\": " (has("meta.chromium") ? jstr(val["meta.chromium"]) : "null") ",\n"
    o = o "  \"page\": " (has("meta.page") ? jstr(val["meta.page"]) : "null") ",\n"
    o = o "  \"sizes\": {\n"
    split("start_ms start_cpu_s rss_mib", okeys, " ")
    split("frames late work_mean_ms work_p99_ms work_max_ms layouts hits misses rasterised entries cache_mib", tkeys, " ")
    split("startup_ms startup_cpu_s cpu_pct frames_after_warmup rasterised_after_warmup rss_mib", ikeys, " ")
    split("start_ms cpu_s rss_mib procs", ckeys, " ")
    for (i = 1; i <= ns; i++) {
        s = sz[i]; p = "od." s "."
        o = o "    " jstr(s) ": {\n      \"openday\": {"
        for (j = 1; j in okeys; j++) o = o (j > 1 ? ", " : "") jstr(okeys[j]) ": " jnum(p okeys[j])
        o = o ",\n        \"tour\": {"
        for (j = 1; j in tkeys; j++) o = o (j > 1 ? ", " : "") jstr(tkeys[j]) ": " jnum(p "tour." tkeys[j])
        o = o ", \"hit_rate_pct\": " jval(hit_rate(s)) "}"
        o = o ",\n        \"by_screen\": {"
        nk = kinds_of(s)
        for (j = 1; j <= nk; j++) {
            q = p "kind." kname[j] "."; kl = kname[j]; gsub(/_/, " ", kl)
            o = o (j > 1 ? ", " : "") jstr(kl) ": {\"frames\": " jnum(q "frames") ", \"p50_ms\": " jnum(q "p50") ", \"p99_ms\": " jnum(q "p99") ", \"max_ms\": " jnum(q "max")
            o = o ", \"cpu_p50_ms\": " jnum(q "cpu_p50") ", \"cpu_p99_ms\": " jnum(q "cpu_p99") ", \"cpu_max_ms\": " jnum(q "cpu_max") "}"
        }
        o = o "}"
        o = o ",\n        \"idle_attract\": {"
        for (j = 1; j in ikeys; j++) o = o (j > 1 ? ", " : "") jstr(ikeys[j]) ": " jnum(p "attract." ikeys[j])
        o = o "},\n        \"still\": {"
        for (j = 1; j in ikeys; j++) o = o (j > 1 ? ", " : "") jstr(ikeys[j]) ": " jnum(p "still." ikeys[j])
        o = o "}},\n      \"chromium\": "
        if (has("cr." s ".start_ms")) {
            o = o "{"
            for (j = 1; j in ckeys; j++) o = o (j > 1 ? ", " : "") jstr(ckeys[j]) ": " jnum("cr." s "." ckeys[j])
            o = o "},\n      \"ratios\": {\"start\": " jval(ratio(p "start_ms", "cr." s ".start_ms", "%.4f"))
            o = o ", \"cpu\": " jval(ratio(p "start_cpu_s", "cr." s ".cpu_s", "%.4f"))
            o = o ", \"rss\": " jval(ratio(p "rss_mib", "cr." s ".rss_mib", "%.4f")) "}"
        } else {
            o = o "null,\n      \"ratios\": null"
        }
        o = o "\n    }" (i < ns ? "," : "") "\n"
    }
    o = o "  },\n  \"start_up\": {"
    split("first restart variants", sw, " ")
    split("ready_ms ready_cpu_s cpu10_s rss15_mib built dict_reads langs", stk, " ")
    for (i = 1; i <= 3; i++) {
        o = o (i > 1 ? ", " : "") jstr(sw[i]) ": {"
        for (j = 1; j in stk; j++) o = o (j > 1 ? ", " : "") jstr(stk[j]) ": " jnum("st." sw[i] "." stk[j])
        o = o "}"
    }
    o = o "},\n  \"callgrind\": {\"size\": \"800x480\", \"mode\": " (has("cg.mode") ? jstr(val["cg.mode"]) : "null") ", \"ir_total\": " jnum("cg.ir_total")
    o = o ", \"ir_startup\": " jnum("cg.ir_startup") ", \"frames\": " jnum("cg.frames")
    o = o ", \"ir_per_frame\": " jnum("cg.ir_per_frame") "},\n"
    o = o "  \"read_aloud\": {\"size\": \"800x480\", \"late_off\": " jnum("sp.off.late") ", \"late_on\": " jnum("sp.on.late")
    o = o ", \"first_samples_ms_mean\": " jnum("sp.first_ms_mean") ", \"first_samples_ms_max\": " jnum("sp.first_ms_max")
    o = o ", \"transition_ms\": " jnum("sp.transition_ms") ", \"said\": " jnum("sp.said") ", \"started\": " jnum("sp.started") "},\n"
    o = o "  \"content_scaling\": ["
    for (i = 1; i <= 4; i++) {
        p = "scale." deg[i] "."
        o = o (i > 1 ? "," : "") "\n    {\"degrees\": " deg[i]
        split("load_ms layout_ms total_ms model_kib layout_kib maxrss_kib", skeys, " ")
        for (j = 1; j in skeys; j++) o = o ", " jstr(skeys[j]) ": " jnum(p skeys[j])
        o = o "}"
    }
    o = o "\n  ],\n  \"content_cost_per_degree_100_1000_vs_10_100\": {\"load\": " jval(g["load_ms"])
    o = o ", \"layout\": " jval(g["layout_ms"]) ", \"total\": " jval(g["total_ms"]) "},\n"
    o = o "  \"targets\": ["
    for (i = 1; i <= nt; i++) {
        t = tname[i]; sub(/^ +/, "", t)
        o = o (i > 1 ? "," : "") "\n    {\"target\": " jstr(t) ", \"measured\": " jstr(tshown[i]) ", \"result\": " jstr(tres[i]) "}"
    }
    o = o "\n  ],\n  \"notes\": ["
    for (i = 1; i <= nn; i++) o = o (i > 1 ? ", " : "") jstr(note[i])
    o = o "]\n}\n"
    printf "%s", o > json
    close(json)
    print "written: " json
}
