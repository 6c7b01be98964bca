/* scene.c - command list storage. See scene.h for the contract. */
#include "scene.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct scene_block {
    struct scene_block *next;
    size_t used, cap;
    char data[];
};

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "openday: out of memory (%zu bytes)\n", n);
        abort();
    }
    return q;
}

void scene_init(scene *s)
{
    memset(s, 0, sizeof *s);
    s->cur_clip = -1;
}

void scene_deinit(scene *s)
{
    free(s->cmds);
    free(s->clips);
    free(s->clip_parent);
    struct scene_block *b = s->arena;
    while (b) {
        struct scene_block *n = b->next;
        free(b);
        b = n;
    }
    memset(s, 0, sizeof *s);
    s->cur_clip = -1;
}

void scene_clear(scene *s)
{
    s->count = 0;
    s->nclips = 0;
    s->cur_clip = -1;
    for (struct scene_block *b = s->arena; b; b = b->next)
        b->used = 0;
}

scene_cmd *scene_add(scene *s, scene_kind kind)
{
    if (s->count == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->cmds = xrealloc(s->cmds, s->cap * sizeof *s->cmds);
    }
    scene_cmd *c = &s->cmds[s->count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->clip = s->cur_clip;
    c->parent = -1;
    return c;
}

int scene_push_clip(scene *s, od_rect r)
{
    if (s->cur_clip >= 0)
        r = od_rect_intersect(r, s->clips[s->cur_clip]);
    if (s->nclips == s->capclips) {
        s->capclips = s->capclips ? s->capclips * 2 : 8;
        s->clips = xrealloc(s->clips, s->capclips * sizeof *s->clips);
        s->clip_parent = xrealloc(s->clip_parent, s->capclips * sizeof *s->clip_parent);
    }
    s->clips[s->nclips] = r;
    s->clip_parent[s->nclips] = s->cur_clip;
    s->cur_clip = (int16_t)s->nclips++;
    return s->cur_clip;
}

void scene_pop_clip(scene *s)
{
    if (s->cur_clip >= 0)
        s->cur_clip = s->clip_parent[s->cur_clip];
}

const char *scene_strdup(scene *s, const char *str, size_t len)
{
    struct scene_block *b = s->arena;
    while (b && b->cap - b->used < len + 1)
        b = b->next;
    if (!b) {
        size_t cap = len + 1 > 8192 ? len + 1 : 8192;
        b = xrealloc(NULL, sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = s->arena;
        s->arena = b;
    }
    char *p = b->data + b->used;
    memcpy(p, str, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

scene_cmd *scene_rect(scene *s, od_rect r, od_color c, float radius)
{
    scene_cmd *cmd = scene_add(s, SCENE_RECT);
    cmd->rect = r;
    cmd->color = c;
    cmd->radius = radius;
    return cmd;
}

scene_cmd *scene_text(scene *s, float x, float y, float w, float h, scene_font f,
                      float size, od_color c, const char *text, size_t len)
{
    scene_cmd *cmd = scene_add(s, SCENE_TEXT);
    cmd->rect = (od_rect){ x, y, w, h };
    cmd->box = cmd->rect;
    cmd->font = f;
    cmd->size = size;
    cmd->color = c;
    cmd->text = text;
    cmd->len = (uint32_t)len;
    return cmd;
}

scene_cmd *scene_line(scene *s, float x0, float y0, float x1, float y1,
                      float thickness, od_color c)
{
    scene_cmd *cmd = scene_add(s, SCENE_LINE);
    cmd->x0 = x0;
    cmd->y0 = y0;
    cmd->x1 = x1;
    cmd->y1 = y1;
    cmd->thickness = thickness;
    cmd->color = c;
    float minx = x0 < x1 ? x0 : x1, miny = y0 < y1 ? y0 : y1;
    cmd->rect = (od_rect){ minx, miny, (x0 < x1 ? x1 - x0 : x0 - x1),
                           (y0 < y1 ? y1 - y0 : y0 - y1) };
    return cmd;
}

uint32_t scene_hit_id(int action, int arg)
{
    /* FNV-1a over the two integers: stable across frames and runs. */
    uint32_t h = 2166136261u;
    uint32_t v[2] = { (uint32_t)action, (uint32_t)arg };
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 4; k++) {
            h ^= (v[i] >> (8 * k)) & 0xffu;
            h *= 16777619u;
        }
    return h ? h : 1;
}

scene_cmd *scene_hit(scene *s, od_rect r, int action, int arg)
{
    scene_cmd *cmd = scene_add(s, SCENE_HIT);
    cmd->rect = r;
    cmd->action = action;
    cmd->arg = arg;
    cmd->id = scene_hit_id(action, arg);
    return cmd;
}

const scene_cmd *scene_hit_test(const scene *s, float x, float y)
{
    for (size_t i = s->count; i-- > 0;) {
        const scene_cmd *c = &s->cmds[i];
        if (c->kind != SCENE_HIT || (c->flags & SCENE_F_DISABLED))
            continue;
        if (!od_rect_contains(c->rect, x, y))
            continue;
        if (c->clip >= 0 && !od_rect_contains(s->clips[c->clip], x, y))
            continue;
        return c;
    }
    return NULL;
}

const scene_cmd *scene_find_hit(const scene *s, uint32_t id)
{
    for (size_t i = 0; i < s->count; i++)
        if (s->cmds[i].kind == SCENE_HIT && s->cmds[i].id == id)
            return &s->cmds[i];
    return NULL;
}
