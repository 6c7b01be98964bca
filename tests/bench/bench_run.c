/* bench_run.c - run one command and measure it with its whole process tree,
 * for tests/bench/bench.sh.
 *
 *   bench_run OUT CMD [ARGS...]
 *
 * Writes one line to the file OUT:
 *   wall_ms=W cpu_s=C user_s=U sys_s=S maxrss_kib=M procs=P status=X
 * wall_ms   from fork to the command's own exit (for a screenshot tool: the
 *           file is on disk by then);
 * cpu_s     user + system time of every process of the tree;
 * maxrss_kib the peak resident set of the largest single process;
 * procs     how many processes the tree had (the command included).
 *
 * Why not /usr/bin/time: it waits for its own child only, so it counts the
 * CPU and the peak memory of processes that child waits for. Chromium's
 * zygote double-forks: its renderer and GPU processes are re-parented to
 * init, nobody in the tree waits for them, and /usr/bin/time leaves them out
 * (it reported a third of the real CPU time here). This program makes itself a
 * child subreaper (prctl PR_SET_CHILD_SUBREAPER), so every orphan of the tree
 * is re-parented to it and waited for here, and the kernel's RUSAGE_CHILDREN
 * totals then cover the whole tree: summed CPU, and for ru_maxrss the largest
 * process. Descendants still alive 10 s after the command exits are killed
 * (by their process ids, read from /proc/self/task/.../children). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double tv_s(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* Kill our remaining children (orphans of the tree re-parented to us). */
static void kill_children(void)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%ld/children", (long)getpid());
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    long pid;
    while (fscanf(f, "%ld", &pid) == 1)
        if (pid > 1)
            kill((pid_t)pid, SIGKILL);
    fclose(f);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_run OUT CMD [ARGS...]\n");
        return 2;
    }
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
        fprintf(stderr, "bench_run: prctl(PR_SET_CHILD_SUBREAPER): %s\n", strerror(errno));
        return 1;
    }
    double t0 = now_ms();
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "bench_run: fork: %s\n", strerror(errno));
        return 1;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "bench_run: %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    double wall = -1, deadline = 0;
    int status = -1, procs = 0;
    for (;;) {
        int st;
        pid_t p = waitpid(-1, &st, wall < 0 ? 0 : WNOHANG);
        if (p < 0) {
            if (errno == EINTR)
                continue;
            break; /* ECHILD: the whole tree is gone */
        }
        if (p == 0) {
            if (now_ms() > deadline) {
                kill_children();
                deadline = now_ms() + 1e9; /* once */
            }
            usleep(2000);
            continue;
        }
        procs++;
        if (p == child) {
            wall = now_ms() - t0;
            deadline = now_ms() + 10000;
            status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    FILE *out = fopen(argv[1], "w");
    if (!out) {
        fprintf(stderr, "bench_run: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    fprintf(out, "wall_ms=%.3f cpu_s=%.3f user_s=%.3f sys_s=%.3f maxrss_kib=%ld procs=%d status=%d\n",
            wall, tv_s(ru.ru_utime) + tv_s(ru.ru_stime), tv_s(ru.ru_utime), tv_s(ru.ru_stime),
            ru.ru_maxrss, procs, status);
    fclose(out);
    return status == 0 ? 0 : 1;
}
