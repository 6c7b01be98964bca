/* sdl_input.c - SDL events to input events. See sdl_input.h. */
#include "sdl_input.h"

#include <SDL.h>
#include <string.h>
#include <strings.h>

static input_key map_key(SDL_Keycode k, Uint16 mod)
{
    bool ctrl = (mod & KMOD_CTRL) != 0, alt = (mod & KMOD_ALT) != 0;
    if ((ctrl && k == SDLK_q) || k == SDLK_ESCAPE || (alt && k == SDLK_F4))
        return INPUT_KEY_QUIT;
    if (alt && k == SDLK_LEFT)
        return INPUT_KEY_BACK;
    /* Ctrl+Alt combinations are system shortcuts (console switching, reboot,
     * killing the display server): they do nothing here. */
    if (ctrl && alt)
        return INPUT_KEY_OTHER;
    switch (k) {
    case SDLK_BACKSPACE:
    case SDLK_AC_BACK:
        return INPUT_KEY_BACK;
    case SDLK_HOME:
    case SDLK_AC_HOME:
        return INPUT_KEY_HOME;
    case SDLK_LEFT:
        return INPUT_KEY_LEFT;
    case SDLK_RIGHT:
        return INPUT_KEY_RIGHT;
    case SDLK_UP:
        return INPUT_KEY_UP;
    case SDLK_DOWN:
        return INPUT_KEY_DOWN;
    case SDLK_TAB:
        return (mod & KMOD_SHIFT) ? INPUT_KEY_PREV : INPUT_KEY_NEXT;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        return INPUT_KEY_ACTIVATE;
    case SDLK_PAGEUP:
        return INPUT_KEY_PAGE_UP;
    case SDLK_PAGEDOWN:
        return INPUT_KEY_PAGE_DOWN;
    default:
        return INPUT_KEY_OTHER;
    }
}

bool sdl_input_key_by_name(const char *name, input_key *out)
{
    Uint16 mod = 0;
    for (;;) {
        if (!strncasecmp(name, "Ctrl+", 5)) {
            mod |= KMOD_LCTRL;
            name += 5;
        } else if (!strncasecmp(name, "Alt+", 4)) {
            mod |= KMOD_LALT;
            name += 4;
        } else if (!strncasecmp(name, "Shift+", 6)) {
            mod |= KMOD_LSHIFT;
            name += 6;
        } else {
            break;
        }
    }
    SDL_Keycode k = SDL_GetKeyFromName(name);
    if (k == SDLK_UNKNOWN)
        return false;
    *out = map_key(k, mod);
    return true;
}

size_t sdl_input_translate(const SDL_Event *e, int win_w, int win_h, uint64_t now_ms,
                           input_event *out, size_t max)
{
    if (max == 0)
        return 0;
    input_event ev;
    memset(&ev, 0, sizeof ev);
    ev.t_ms = now_ms;
    ev.pointer = -1;
    float ww = win_w > 0 ? (float)win_w : 1.0f;
    float wh = win_h > 0 ? (float)win_h : 1.0f;
    switch (e->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        ev.kind = e->type == SDL_FINGERDOWN ? INPUT_DOWN
                  : e->type == SDL_FINGERUP ? INPUT_UP
                                            : INPUT_MOVE;
        ev.pointer = (int64_t)e->tfinger.fingerId;
        ev.x = e->tfinger.x;
        ev.y = e->tfinger.y;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return 0;
        ev.kind = e->type == SDL_MOUSEBUTTONDOWN ? INPUT_DOWN : INPUT_UP;
        ev.x = (float)e->button.x / ww;
        ev.y = (float)e->button.y / wh;
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return 0;
        ev.kind = INPUT_MOVE;
        ev.x = (float)e->motion.x / ww;
        ev.y = (float)e->motion.y / wh;
        break;
    case SDL_MOUSEWHEEL:
        if (e->wheel.which == SDL_TOUCH_MOUSEID)
            return 0;
        ev.kind = INPUT_WHEEL;
        ev.dy = -(float)e->wheel.y;
        if (e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED)
            ev.dy = -ev.dy;
        break;
    case SDL_KEYDOWN:
        ev.kind = INPUT_KEY;
        ev.key = map_key(e->key.keysym.sym, e->key.keysym.mod);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event != SDL_WINDOWEVENT_FOCUS_LOST &&
            e->window.event != SDL_WINDOWEVENT_LEAVE)
            return 0;
        ev.kind = INPUT_CANCEL;
        break;
    default:
        return 0;
    }
    out[0] = ev;
    return 1;
}
