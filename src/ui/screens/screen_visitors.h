/* screen_visitors.h - the staff's "Today's visitors" screen: a bar chart
 * of visits by hour and the most opened degrees, drawn by the app's own
 * renderer for it and for `openday --usage-plot`. Not a row of the screen
 * table: it needs no content model.
 *
 * Pure: no SDL. The numbers come in a usage_picture (filled by usage.h's
 * usage_day); screen_visitors_draw clears out and lays the picture out for
 * env. */
#ifndef OPENDAY_SCREEN_VISITORS_H
#define OPENDAY_SCREEN_VISITORS_H

#include <stdint.h>
#include "lay.h"
#include "scene.h"

#define USAGE_TOP_DEGREES 5

typedef struct {
    char title[96];                /* "Visitors on Tue 1 Dec 2026" */
    uint32_t visits[24];           /* by local hour */
    uint32_t total_visits, screens, comparisons;
    uint32_t quiz_results;         /* "Which degree suits me?" results reached */
    char quiz_top[96];             /* the degree they ranked first most often, "" none */
    uint32_t quiz_top_n;           /* how often */
    struct {
        char name[96];             /* the degree's title, else its id */
        uint32_t opened;
    } top[USAGE_TOP_DEGREES];
    int ntop;
} usage_picture;

void screen_visitors_draw(scene *out, const lay_env *env, const usage_picture *p);

#endif
