/* bench_content.c - how the cost of content grows with the number of degrees,
 * for `make bench` (tests/bench/bench.sh).
 *
 *   bench_content SRC N [RUNS]
 *     Writes a valid content folder with N degrees into a temporary folder
 *     (the files of SRC, with SRC's degrees cloned round-robin under new ids,
 *     so every career stays reachable), then measures, RUNS times (default 7):
 *       load    content_load: read, parse and validate the seven files;
 *       layout  app_create, then Home and the last degree page laid out with
 *               the real fonts (app_goto + app_scene), from cold measuring
 *               caches (a new fontset each run; finding the fonts through
 *               fontconfig is not timed, it does not depend on the content).
 *     Prints one line of key=value pairs: medians in ms, the model's heap
 *     bytes as a kiosk holds it (mallinfo2 around content_load and
 *     content_drop_raw), the scenes' heap bytes, and the
 *     process's peak RSS.
 *
 *   bench_content --export-html SRC DIR
 *     Writes SRC as a web page into DIR (export_html), for a binary that does
 *     not have --export-html yet. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <cJSON.h>
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "content.h"
#include "export.h"
#include "font.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "bench_content: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap = 1 << 16, n = 0, r;
    char *b = malloc(cap);
    while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    if (!b) {
        fprintf(stderr, "bench_content: out of memory\n");
        exit(1);
    }
    b[n] = '\0';
    return b;
}

static void spill(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "bench_content: writing %s: %s\n", path, strerror(errno));
        exit(1);
    }
}

static void copy_file(const char *src, const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", src, name);
    char *text = slurp(path);
    spill(dir, name, text);
    free(text);
}

static void set_string(cJSON *obj, const char *key, const char *value)
{
    cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
    cJSON_AddStringToObject(obj, key, value);
}

/* degrees.json with n degrees: SRC's degrees in turn, the first round under
 * their own ids (the attract loop names them), later ones as "ID-K". One
 * degree alone lists every career, since each career must be reachable. */
static char *make_degrees(const char *src, int n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/degrees.json", src);
    char *text = slurp(path);
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON *orig = root ? cJSON_GetObjectItemCaseSensitive(root, "degrees") : NULL;
    int m = cJSON_GetArraySize(orig);
    if (m < 1) {
        fprintf(stderr, "bench_content: %s has no degrees\n", path);
        exit(1);
    }
    cJSON *out = cJSON_CreateArray();
    for (int i = 0; i < n; i++) {
        cJSON *d = cJSON_Duplicate(cJSON_GetArrayItem(orig, i % m), 1);
        if (i >= m) {
            char id[256], name[512];
            const cJSON *oid = cJSON_GetObjectItemCaseSensitive(d, "id");
            const cJSON *oname = cJSON_GetObjectItemCaseSensitive(d, "name");
            snprintf(id, sizeof id, "%s-%d", cJSON_GetStringValue(oid), i);
            snprintf(name, sizeof name, "%s %d", cJSON_GetStringValue(oname), i);
            set_string(d, "id", id);
            set_string(d, "name", name);
        }
        cJSON_AddItemToArray(out, d);
    }
    if (n == 1) {
        cJSON *all = cJSON_CreateArray();
        for (int k = 0; k < m; k++) {
            const cJSON *cs = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(orig, k),
                                                               "careers");
            const cJSON *id;
            cJSON_ArrayForEach(id, cs) {
                bool seen = false;
                const cJSON *have;
                cJSON_ArrayForEach(have, all)
                    seen |= !strcmp(have->valuestring, id->valuestring);
                if (!seen)
                    cJSON_AddItemToArray(all, cJSON_CreateString(id->valuestring));
            }
        }
        cJSON_ReplaceItemInObjectCaseSensitive(cJSON_GetArrayItem(out, 0), "careers", all);
    }
    cJSON_ReplaceItemInObjectCaseSensitive(root, "degrees", out);
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    return json;
}

/* attract.json: SRC's for two degrees or more; with one, its slides that do
 * not need a second degree. */
static char *make_attract(const char *src, int n, const char *first_id)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/attract.json", src);
    char *text = slurp(path);
    if (n >= 2)
        return text;
    cJSON *root = cJSON_Parse(text);
    free(text);
    cJSON *slides = cJSON_GetObjectItemCaseSensitive(root, "slides");
    cJSON *keep = cJSON_CreateArray();
    const cJSON *s;
    cJSON_ArrayForEach(s, slides) {
        const char *show = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s, "show"));
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s, "id"));
        if (!show || !strcmp(show, "compare"))
            continue;
        if (!strcmp(show, "degree") && (!id || strcmp(id, first_id)))
            continue;
        cJSON_AddItemToArray(keep, cJSON_Duplicate(s, 1));
    }
    cJSON_ReplaceItemInObjectCaseSensitive(root, "slides", keep);
    char *json = cJSON_Print(root);
    cJSON_Delete(root);
    return json;
}

static content *load(const char *dir)
{
    content_report rep;
    content_report_init(&rep);
    content *c = content_load(dir, &rep);
    if (!c) {
        content_report_print(&rep, stderr);
        fprintf(stderr, "bench_content: the generated content in %s is invalid\n", dir);
        exit(1);
    }
    content_report_deinit(&rep);
    return c;
}

static int export_main(const char *src, const char *dir)
{
    content *c = load(src);
    char err[1024];
    bool ok = export_html(c, dir, err, sizeof err);
    if (!ok)
        fprintf(stderr, "bench_content: %s\n", err);
    content_destroy(c);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--export-html"))
        return export_main(argv[2], argv[3]);
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench_content SRC N [RUNS]\n"
                        "       bench_content --export-html SRC DIR\n");
        return 2;
    }
    const char *src = argv[1];
    int n = atoi(argv[2]), runs = argc > 3 ? atoi(argv[3]) : 7;
    if (n < 1 || n > 1000 || runs < 1 || runs > 1000) {
        fprintf(stderr, "bench_content: N is 1 to 1000, RUNS 1 to 1000\n");
        return 2;
    }

    char tmpl[] = "/tmp/openday-bench-content-XXXXXX";
    char *dir = mkdtemp(tmpl);
    if (!dir) {
        fprintf(stderr, "bench_content: mkdtemp: %s\n", strerror(errno));
        return 1;
    }
    static const char *const same[] = { "openday.json", "careers.json", "awards.json",
                                        "theme.json", "strings.json" };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        copy_file(src, dir, same[i]);
    char *degrees = make_degrees(src, n);
    spill(dir, "degrees.json", degrees);
    free(degrees);
    content *first = load(src);
    char *attract = make_attract(src, n, first->degrees[0].id);
    content_destroy(first);
    spill(dir, "attract.json", attract);
    free(attract);

    if (TTF_Init() != 0) {
        fprintf(stderr, "bench_content: TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    double *t_load = calloc((size_t)runs, sizeof *t_load);
    double *t_lay = calloc((size_t)runs, sizeof *t_lay);
    size_t model_bytes = 0, scene_bytes = 0;
    size_t n_cmds = 0;
    for (int r = 0; r < runs; r++) {
        size_t h0 = heap_in_use();
        double t0 = now_ms();
        content *c = load(dir);
        double t1 = now_ms();
        /* What a kiosk holds: the reload drops the files' bytes once it
         * has kept its last-known-good copy. */
        content_drop_raw(c);
        size_t h1 = heap_in_use();

        fontset *fonts = fontset_create(c->font_family);
        if (!fonts) {
            fprintf(stderr, "bench_content: no fonts\n");
            return 1;
        }
        size_t h2 = heap_in_use();
        char last[600];
        snprintf(last, sizeof last, "degree:%s", c->degrees[c->n_degrees - 1].id);
        app_config cfg;
        app_config_defaults(&cfg);
        cfg.attract_after_ms = 0;
        lay_env env = { .w = 800, .h = 480, .dpi = 0, .measure = fontset_measure(fonts),
                           .distance_cm = 0 };

        double t2 = now_ms();
        app *a = app_create(c, &cfg, &env, 0);
        if (!a || !app_goto(a, "home", 0)) {
            fprintf(stderr, "bench_content: no Home\n");
            return 1;
        }
        const scene *home = app_scene(a);
        size_t cmds = home->count;
        if (!app_goto(a, last, 0)) {
            fprintf(stderr, "bench_content: no %s\n", last);
            return 1;
        }
        cmds += app_scene(a)->count;
        double t3 = now_ms();
        size_t h3 = heap_in_use();

        t_load[r] = t1 - t0;
        t_lay[r] = t3 - t2;
        model_bytes = h1 - h0;
        scene_bytes = h3 > h2 ? h3 - h2 : 0; /* the app, its scene and the measure cache */
        n_cmds = cmds;
        app_destroy(a);
        fontset_destroy(fonts);
        content_destroy(c);
    }
    double load_ms = median(t_load, runs), lay_ms = median(t_lay, runs);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("degrees=%d runs=%d load_ms=%.3f layout_ms=%.3f total_ms=%.3f model_kib=%.1f "
           "layout_kib=%.1f scene_cmds=%zu maxrss_kib=%ld\n",
           n, runs, load_ms, lay_ms, load_ms + lay_ms, (double)model_bytes / 1024.0,
           (double)scene_bytes / 1024.0, n_cmds, ru.ru_maxrss);
    free(t_load);
    free(t_lay);
    TTF_Quit();

    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, same[i]);
        unlink(p);
    }
    char p[1024];
    snprintf(p, sizeof p, "%s/degrees.json", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/attract.json", dir);
    unlink(p);
    rmdir(dir);
    return 0;
}
