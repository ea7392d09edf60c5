#!/usr/bin/env python3
"""Serve benchmark: how long after saving one badge file an open tab is told to reload, and the page shows it.

Usage: tests/bench/serve.py [SOURCE] [--edits N] [--port P]
SOURCE defaults to ${BENCH_DIR:-/tmp/credentialsite-bench}/src-10000 (made by tests/bench/run.sh). Runs the
Release dll (build it first: dotnet build -c Release), waits for the first build, subscribes to the live-reload
events like a browser tab, then N times appends a sentence to one badge's summary, saves, and measures
save -> "reload" event and save -> the page's HTML containing the sentence, for a tab on that page (rendered
ahead of the rest) and for a tab on another page (reloaded when the whole site is rebuilt). The badge file is restored at the end.
"""
import os, re, signal, socket, statistics, subprocess, sys, threading, time, urllib.parse, urllib.request

args = sys.argv[1:]
source = os.path.join(os.environ.get("BENCH_DIR", "/tmp/credentialsite-bench"), "src-10000")
edits, port = 5, 8765
while args:
    a = args.pop(0)
    if a == "--edits": edits = int(args.pop(0))
    elif a == "--port": port = int(args.pop(0))
    elif a in ("-h", "--help"): print(__doc__); sys.exit(0)
    else: source = a
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
dll = os.path.join(root, "bin", "Release", "net10.0", "credentialsite.dll")
if not os.path.exists(dll): sys.exit(f"no {dll}: run dotnet build -c Release first")
badges = sorted(f for f in os.listdir(os.path.join(source, "catalog", "badges")) if f.endswith(".yml"))
badge = badges[len(badges) // 2]
path = os.path.join(source, "catalog", "badges", badge)
original = open(path, encoding="utf-8").read()

out = f"/tmp/credentialsite-serve-bench-{port}"
start = time.time()
proc = subprocess.Popen(["dotnet", dll, "serve", "--source", source, "--output", out, "--port", str(port), "--stats"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
url = None
for line in proc.stdout:
    m = re.search(r"(http://127\.0\.0\.1:\d+/\S*)", line)
    if m: url = m.group(1); break
if url is None: sys.exit("serve did not start")
print(f"first build and serve ready: {time.time() - start:.1f} s", file=sys.stderr)
log = []
threading.Thread(target=lambda: [log.append(l.rstrip()) for l in proc.stdout], daemon=True).start()  # keep its log

page = url + "badges/" + badge[:-4] + "/"
lock = threading.Condition()
def listen(query, events):
    # A raw socket: urllib buffers a chunked response, which would delay the events.
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(f"GET /__credentialsite/events{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    with sock.makefile("rb", buffering=0) as r:
        name = None
        for raw in iter(r.readline, b""):
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event: "): name = line[7:]
            elif line.startswith("data: "):
                with lock: events.append((name, time.perf_counter(), line[6:])); lock.notify_all()
# One tab shows the edited badge (it says so, as the live-reload script does); another does not say.
events, other = [], []
threading.Thread(target=listen, args=("?page=" + urllib.parse.quote(urllib.parse.urlparse(page).path), events), daemon=True).start()
threading.Thread(target=listen, args=("", other), daemon=True).start()
with lock: lock.wait_for(lambda: any(e[0] == "hello" for e in events) and any(e[0] == "hello" for e in other), timeout=30)
reload_ms, visible_ms, rest_ms, server_ms, server_gcs = [], [], [], [], []
try:
    for i in range(edits):
        marker = f"Edited for the serve benchmark, run {i}."
        text = re.sub(r"^summary: (.*)$", lambda m: f"summary: {marker}", original, count=1, flags=re.M)
        with lock: seen, seen_other = len(events), len(other)
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f: f.write(text)
        def first(evs, since):
            return next((t for n, t, _ in evs[since:] if n == "reload"), None)
        with lock:
            if not lock.wait_for(lambda: first(events, seen) is not None, timeout=120): sys.exit("no reload event")
        t1 = first(events, seen)
        data = next(d for n, t, d in events[seen:] if n == "reload")
        if m := re.search(r'"ms":(\d+)', data): server_ms.append(int(m.group(1)))
        if m := re.search(r'"gcs":(\d+)', data): server_gcs.append(int(m.group(1)))
        if os.environ.get("SERVE_BENCH_DEBUG"): print(data, file=sys.stderr)
        html = urllib.request.urlopen(page).read().decode()
        t2 = time.perf_counter()
        if marker not in html: sys.exit("the page does not show the edit")
        with lock: lock.wait_for(lambda: first(other, seen_other) is not None, timeout=120)
        rest_ms.append((first(other, seen_other) - t0) * 1000)
        reload_ms.append((t1 - t0) * 1000); visible_ms.append((t2 - t0) * 1000)
        time.sleep(0.5)
finally:
    with open(path, "w", encoding="utf-8") as f: f.write(original)
    proc.send_signal(signal.SIGINT)
    try: proc.wait(timeout=30)
    except subprocess.TimeoutExpired: proc.kill()
stages = [l.strip() for l in log if l.startswith("  load")]
if stages: print("last rebuild's stages: " + stages[-1], file=sys.stderr)
if os.environ.get("SERVE_BENCH_DEBUG"): print("\n".join(stages), file=sys.stderr)
idle = [int(m.group(1)) for l in log if (m := re.search(r"collected while idle: (\d+) ms", l))]
if idle: print(f"collections while idle: {statistics.median(idle):.0f} / {max(idle)} ms", file=sys.stderr)
if server_ms: print(f"in the server, rebuild start -> page rendered ahead: {statistics.median(server_ms):.0f} / {max(server_ms)} ms "
                    "(the rest of save -> reload is the watcher, the 15 ms quiet period and the event)"
                    + (f"; garbage collections during it: {sum(server_gcs)} in {len(server_gcs)} edits" if server_gcs else ""), file=sys.stderr)
def cell(xs): return f"{statistics.median(xs):.0f} / {max(xs):.0f} ms"
print("| badges | edits | tab on the edited page: save -> reload | save -> page shows the edit | tab on another page: save -> reload (whole site rebuilt) |")
print("|---|---|---|---|---|")
print(f"| {len(badges)} | {edits} | {cell(reload_ms)} | {cell(visible_ms)} | {cell(rest_ms)} |")
