"""The systemd watchdog, end to end without systemd: this script plays the
service manager. It listens on a NOTIFY_SOCKET, starts the app with
WATCHDOG_USEC=1 s and a loop that stalls after 3 s (--debug-stall-after), and
applies systemd's rules: READY=1 must come after the first frame, WATCHDOG=1
at least once per WATCHDOG_USEC; a silent watchdog means SIGABRT and, as with
Restart=always, a new instance, which must become ready again and stop
cleanly (STOPPING=1, exit 0) on SIGTERM."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

build = sys.argv[1] if len(sys.argv) > 1 else "build"
# Under emulation run.sh provides OPENDAY_APP, a wrapper that already adds
# the emulator; otherwise OPENDAY_EXEC (if any) goes in front of the binary.
app = os.environ.get("OPENDAY_APP")
exec_prefix = [] if app else os.environ.get("OPENDAY_EXEC", "").split()
app = app or os.path.join(build, "openday")
WATCHDOG_S = 1.0


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def start(sock_path, extra):
    env = dict(os.environ, NOTIFY_SOCKET=sock_path, WATCHDOG_USEC=str(int(WATCHDOG_S * 1e6)),
               SDL_VIDEODRIVER="dummy")
    env.pop("WATCHDOG_PID", None)
    cmd = exec_prefix + [app, "--windowed", "800x480", "--no-state"] + extra
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_instance(sock, sock_path, extra, expect_stall):
    proc = start(sock_path, extra)
    t0 = time.monotonic()
    ready = None
    pings = []
    status = []
    killed = False
    while True:
        now = time.monotonic()
        # The manager's deadline: one watchdog period after the last sign of life.
        last = pings[-1] if pings else ready
        if last is not None and now - last > WATCHDOG_S:
            os.kill(proc.pid, signal.SIGABRT)
            killed = True
            break
        if ready is None and now - t0 > 10:
            proc.kill()
            fail("no READY=1 within 10 s")
        if not expect_stall and ready is not None and now - ready > 3:
            break
        if proc.poll() is not None:
            fail("the app exited (%d) by itself: %s" % (proc.returncode,
                                                         proc.stderr.read().decode()[-500:]))
        sock.settimeout(0.05)
        try:
            msg = sock.recv(4096).decode()
        except socket.timeout:
            continue
        at = time.monotonic()
        for line in msg.split("\n"):
            if line == "READY=1" and ready is None:
                ready = at
            elif line == "WATCHDOG=1":
                pings.append(at)
            elif line.startswith("STATUS="):
                status.append(line)
    return proc, t0, ready, pings, status, killed


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)

    # 1. An instance whose loop hangs after 3 s: pinged, then killed.
    proc, t0, ready, pings, status, killed = run_instance(sock, path,
                                                          ["--debug-stall-after", "3"], True)
    proc.wait(timeout=5)
    if not killed:
        fail("the stalled app was never found silent")
    gaps = [b - a for a, b in zip([ready] + pings, pings)]
    if not pings:
        fail("no WATCHDOG=1 at all")
    if max(gaps) > WATCHDOG_S * 0.75:
        fail("a watchdog gap of %.0f ms (limit %.0f)" % (max(gaps) * 1000, WATCHDOG_S * 750))
    if not any("Showing 2 degrees" in s for s in status):
        fail("no STATUS= line naming the content: %s" % status)
    silent = time.monotonic() - pings[-1]
    print("stalled instance: READY after %.0f ms, %d pings, largest gap %.0f ms, killed %.1f s "
          "after its last ping (SIGABRT, exit %d)"
          % ((ready - t0) * 1000, len(pings), max(gaps) * 1000, silent, proc.returncode))
    if proc.returncode != -signal.SIGABRT:
        fail("the stalled app did not die of SIGABRT: %d" % proc.returncode)

    # 2. Restart=always: a new instance comes up and keeps pinging.
    proc, t0, ready, pings, status, killed = run_instance(sock, path, [], False)
    if killed:
        fail("the restarted app went silent")
    print("restarted instance: READY after %.0f ms, %d pings in 3 s"
          % ((ready - t0) * 1000, len(pings)))
    # 3. systemctl stop: SIGTERM, STOPPING=1, exit 0 within a second.
    t = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=1.0)
    except subprocess.TimeoutExpired:
        proc.kill()
        fail("no exit within 1 s of SIGTERM")
    sock.settimeout(0.5)
    stopping = False
    try:
        while True:
            if "STOPPING=1" in sock.recv(4096).decode():
                stopping = True
                break
    except socket.timeout:
        pass
    if rc != 0 or not stopping:
        fail("SIGTERM: exit %d, STOPPING=1 %s" % (rc, "sent" if stopping else "missing"))
    print("SIGTERM: exit 0 after %.0f ms with STOPPING=1" % ((time.monotonic() - t) * 1000))
print("ok")
