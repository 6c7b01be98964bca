/* scene.h - the flat list of draw commands and hit regions that layout emits
 * and the renderer walks (microui's command list is the model).
 *
 * Pure: no SDL. A scene owns its command array, its clip list and a string
 * arena; text commands may instead point at strings owned by the content model,
 * which must outlive the scene's use. scene_init / scene_deinit manage caller
 * storage; scene_clear empties a scene for reuse without freeing, so a steady
 * frame loop allocates nothing once the arrays have grown to their working size.
 * Allocation failure aborts (a kiosk cannot do anything useful without memory,
 * and the arrays are small); that is the only failure mode. */
#ifndef OPENDAY_SCENE_H
#define OPENDAY_SCENE_H

#include <stddef.h>
#include <stdint.h>
#include "geom.h"

typedef enum {
    SCENE_RECT,   /* filled rounded rectangle: rect, color, radius */
    SCENE_FRAME,  /* rectangle outline: rect, color, radius, thickness */
    SCENE_TEXT,   /* one line of text; rect.x,y = top-left, rect.w,h = measured size */
    SCENE_IMAGE,  /* image file scaled into rect (path as opened: layout joins the content dir) */
    SCENE_LINE,   /* thick line from (x0,y0) to (x1,y1): thickness, color */
    SCENE_HIT     /* touch target: rect, action, arg, id */
} scene_kind;

typedef enum { SCENE_FONT_REGULAR, SCENE_FONT_BOLD, SCENE_FONT_COUNT } scene_font;

/* Flags for audit and drawing. */
enum {
    SCENE_F_BOX = 1u << 0,      /* rect is a layout block: the audit checks that
                                   blocks at the same level never overlap */
    SCENE_F_DISABLED = 1u << 1, /* hit region shown but inactive */
    SCENE_F_MARK = 1u << 2      /* TEXT: a degree mark's letters, which the
                                   audit holds to one whole line on its chip */
};

typedef struct {
    scene_kind kind;
    uint16_t flags;
    int16_t clip;        /* index into scene.clips, or -1 for the whole screen */
    od_rect rect;
    od_color color;
    float radius;        /* RECT/FRAME corner radius */
    float thickness;     /* FRAME/LINE width */
    float x0, y0, x1, y1;/* LINE end points */
    /* TEXT */
    scene_font font;
    float size;          /* pixel size of the font */
    const char *text;    /* not NUL-terminated necessarily: use len */
    uint32_t len;
    od_rect box;         /* TEXT: the block the text must stay inside (audit) */
    int16_t level;       /* BOX rects: nesting level; the audit compares equal levels
                            with the same parent only (see scene_cmd.parent) */
    int32_t parent;      /* BOX rects and TEXT: index of the enclosing BOX cmd, -1 none */
    /* IMAGE */
    const char *path;
    /* HIT */
    int action;          /* app action code (see app.h), opaque to the scene */
    int arg;
    uint32_t id;         /* stable id for press feedback and keyboard focus */
} scene_cmd;

typedef struct {
    scene_cmd *cmds;
    size_t count, cap;
    od_rect *clips;       /* already intersected with their enclosing clip */
    int16_t *clip_parent; /* enclosing clip of each clip, -1 none */
    size_t nclips, capclips;
    struct scene_block *arena; /* scene-owned strings in blocks that never move */
    int16_t cur_clip;     /* clip applied to newly added commands */
} scene;

void scene_init(scene *s);
void scene_deinit(scene *s);
void scene_clear(scene *s);

/* Append a command and return it (zeroed except kind, clip = current clip,
 * parent = -1). The pointer is valid until the next scene_add. */
scene_cmd *scene_add(scene *s, scene_kind kind);

/* Push a clip rectangle (intersected with the current one) and make it current;
 * scene_pop_clip restores the previous one. Returns the clip index. */
int scene_push_clip(scene *s, od_rect r);
void scene_pop_clip(scene *s);

/* Copy a string into the scene's arena (NUL-terminated); the pointer stays
 * valid until scene_clear or scene_deinit. */
const char *scene_strdup(scene *s, const char *str, size_t len);

/* Convenience builders. */
scene_cmd *scene_rect(scene *s, od_rect r, od_color c, float radius);
scene_cmd *scene_text(scene *s, float x, float y, float w, float h, scene_font f,
                      float size, od_color c, const char *text, size_t len);
scene_cmd *scene_line(scene *s, float x0, float y0, float x1, float y1,
                      float thickness, od_color c);
scene_cmd *scene_hit(scene *s, od_rect r, int action, int arg);

/* Stable id for a hit region from its action and argument. */
uint32_t scene_hit_id(int action, int arg);

/* Topmost enabled hit region containing (x,y) and inside its clip, or NULL. */
const scene_cmd *scene_hit_test(const scene *s, float x, float y);

/* Find the hit region with the given id, or NULL. */
const scene_cmd *scene_find_hit(const scene *s, uint32_t id);

#endif
