/* route.c - input routing between the staff exit and the app. See route.h. */
#include "route.h"

#include <string.h>

bool route_input(admin *adm, app *a, bool kiosk, const input_event *ev)
{
    if (admin_input(adm, ev))
        return false;
    if (ev->kind == INPUT_KEY && ev->key == INPUT_KEY_QUIT)
        return !kiosk;
    if (a)
        app_input(a, ev);
    return false;
}

void route_update(admin *adm, app *a, uint64_t now_ms)
{
    admin_phase before = admin_get_phase(adm);
    admin_update(adm, now_ms);
    if (a && before != ADMIN_KEYPAD && admin_get_phase(adm) == ADMIN_KEYPAD) {
        input_event cancel;
        memset(&cancel, 0, sizeof cancel);
        cancel.kind = INPUT_CANCEL;
        cancel.t_ms = now_ms;
        app_input(a, &cancel);
    }
}
