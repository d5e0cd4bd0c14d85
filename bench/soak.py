#!/usr/bin/env python3
"""The soak benchmark (bench/soak.sh): a silo and the web host on loopback under mixed load for a long run.

- top-N queries at 32 connections (wrk, bench/soak.lua) for the whole run;
- in the background, trainings (deepmf, then deleted again) and samplings of small synthetic sets, one after the other;
- a checker that asks for known users' top 10 once a second and compares the answer with the engine's own
  (computed in-process from the same artifacts before the load starts);
- every RESTART_MINUTES the silo is killed with SIGKILL and started again on the same data directory;
- the resident memory of each process, sampled every 10 s.
Prints a markdown report. Environment: MINUTES (30), RESTART_MINUTES (5), CONNECTIONS (32).
"""
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data_file = sys.argv[1]
minutes = float(os.environ.get("MINUTES", "30"))
restart_minutes = float(os.environ.get("RESTART_MINUTES", "5"))
connections = int(os.environ.get("CONNECTIONS", "32"))
bin_dir = os.path.join(root, "artifacts", "bin")
work = tempfile.mkdtemp(prefix="ganrs-soak-")
web_port, gateway, silo_port = 5191, 30191, 11191
api = f"http://127.0.0.1:{web_port}/api"
stop = threading.Event()
lock = threading.Lock()
latencies = {}  # endpoint -> list of ms
statuses = {}   # endpoint -> {status: count}
memory = {"silo": [], "web": []}
checks = {"correct": 0, "wrong": 0, "unavailable": 0}
jobs = {}
restarts = []


def record(endpoint, status, ms):
    with lock:
        latencies.setdefault(endpoint, []).append(ms)
        statuses.setdefault(endpoint, {}).setdefault(status, 0)
        statuses[endpoint][status] += 1


def call(method, path, body=None, endpoint=None, timeout=30):
    request = urllib.request.Request(api + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"content-type": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        status, payload = "connection", b""
    if endpoint:
        record(endpoint, status, (time.perf_counter() - start) * 1000)
    return status, (json.loads(payload) if payload and status != "connection" and payload[:1] in b"{[" else None)


def start_silo():
    log = open(os.path.join(work, "silo.log"), "a")
    return subprocess.Popen(["dotnet", os.path.join(bin_dir, "GanRsSandbox.Silo/release/GanRsSandbox.Silo.dll"), "--data-dir", work,
                             "--silo-port", str(silo_port), "--gateway-port", str(gateway)], stdout=log, stderr=log)


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        return None


def wait_job(job_id, what):
    while not stop.is_set():
        status, job = call("GET", f"/jobs/{job_id}", endpoint="GET /api/jobs/{id}")
        if status == 200 and job["state"] in ("succeeded", "failed", "cancelled"):
            with lock:
                jobs.setdefault(f"{what} {job['state']}", 0)
                jobs[f"{what} {job['state']}"] += 1
                jobs.setdefault("restarts", 0)
                jobs["restarts"] += job.get("restarts", 0)
            return job
        time.sleep(2)


def background(source_id, generator_id):
    turn = 0
    while not stop.is_set():
        turn += 1
        if turn % 2:
            status, job = call("POST", "/models", {"datasetId": source_id, "kind": "deepmf", "options": {"epochs": 2, "seed": turn}}, "POST /api/models")
            if status == 202:
                done = wait_job(job["id"], "training")
                if done and done["state"] == "succeeded":
                    call("DELETE", f"/models/{done['resultId']}", endpoint="DELETE /api/models/{id}")
        else:
            status, job = call("POST", "/synthetic", {"generatorId": generator_id, "users": 300, "items": 200, "samples": 20000,
                                                      "ratings": 4000, "seed": turn, "name": f"soak {turn}"}, "POST /api/synthetic")
            if status == 202:
                done = wait_job(job["id"], "sampling")
                if done and done["state"] == "succeeded":
                    call("DELETE", f"/datasets/{done['resultId']}", endpoint="DELETE /api/datasets/{id}")
        stop.wait(1)


def checker(model_id, answers):
    users = sorted(answers)
    rng = random.Random(7)
    while not stop.is_set():
        user = rng.choice(users)
        status, body = call("GET", f"/models/{model_id}/recommendations?user={user}&n=10", endpoint="GET recommendations (checked)")
        with lock:
            if status == 200:
                checks["correct" if [r["item"] for r in body] == answers[user] else "wrong"] += 1
            else:
                checks["unavailable"] += 1
        stop.wait(1)


def sampler(processes):
    while not stop.is_set():
        for name, get_pid in processes.items():
            value = rss_mb(get_pid())
            if value is not None:
                with lock:
                    memory[name].append((time.time(), get_pid(), value))
        stop.wait(10)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def main():
    silo = start_silo()
    web_log = open(os.path.join(work, "web.log"), "a")
    web = subprocess.Popen(["dotnet", os.path.join(bin_dir, "GanRsSandbox.BlazorUi/release/GanRsSandbox.BlazorUi.dll"),
                            "--urls", f"http://127.0.0.1:{web_port}", f"--Cluster:GatewayPort={gateway}"], stdout=web_log, stderr=web_log)
    current = {"silo": silo}
    try:
        while call("GET", "/datasets")[0] != 200:
            time.sleep(1)
        upload = subprocess.run(["curl", "-sf", "-F", f"file=@{data_file}", "-F", "name=source", f"{api}/datasets"], capture_output=True, check=True)
        source = json.loads(upload.stdout)
        status, job = call("POST", "/models", {"datasetId": source["id"], "kind": "ncf"})
        model_id = wait_job(job["id"], "setup")["resultId"]
        status, job = call("POST", "/generators", {"sourceDatasetId": source["id"], "options": {"iterations": 2000, "pretrainEpochs": 3}})
        generator_id = wait_job(job["id"], "setup")["resultId"]
        for key in list(jobs):
            del jobs[key]
        _, users = call("GET", f"/datasets/{source['id']}/users?count=10000")
        users_file = os.path.join(work, "users.txt")
        with open(users_file, "w") as f:
            f.write("\n".join(users))
        checked_file = os.path.join(work, "checked.txt")
        with open(checked_file, "w") as f:
            f.write("\n".join(users[:200]))
        _, model = call("GET", f"/models/{model_id}")
        _, dataset = call("GET", f"/datasets/{source['id']}")
        engine = subprocess.run(["dotnet", os.path.join(bin_dir, "GanRsSandbox.Bench/release/GanRsSandbox.Bench.dll"), "topn-answers",
                                 "--model", os.path.join(work, "artifacts", model["artifact"]["hash"]),
                                 "--dataset", os.path.join(work, "artifacts", dataset["artifact"]["hash"]),
                                 "--users", checked_file, "--n", "10"], capture_output=True, check=True, text=True)
        answers = json.loads(engine.stdout)
        call("GET", f"/models/{model_id}/recommendations?user={users[0]}&n=10")

        threads = [threading.Thread(target=background, args=(source["id"], generator_id), daemon=True),
                   threading.Thread(target=checker, args=(model_id, answers), daemon=True),
                   threading.Thread(target=sampler, args=({"silo": lambda: current["silo"].pid, "web": lambda: web.pid},), daemon=True)]
        for t in threads:
            t.start()
        clock = time.time()
        end = clock + minutes * 60
        # One wrk run for the whole soak, so that the kills land while queries are in flight.
        env = dict(os.environ, USERS_FILE=users_file, MODEL_ID=model_id)
        load = subprocess.Popen(["wrk", "-t2", f"-c{connections}", f"-d{int(minutes * 60)}s", "--timeout", "10s", "-s", os.path.join(root, "bench", "soak.lua"),
                                 f"http://127.0.0.1:{web_port}"], stdout=subprocess.PIPE, text=True, env=env)
        next_kill = clock + restart_minutes * 60
        while next_kill < end - 5:
            time.sleep(max(0, next_kill - time.time()))
            killed = time.time()
            current["silo"].send_signal(signal.SIGKILL)
            current["silo"].wait()
            current["silo"] = start_silo()
            while call("GET", f"/models/{model_id}/recommendations?user={users[0]}&n=10")[0] != 200:
                time.sleep(0.5)
            restarts.append(time.time() - killed)
            next_kill += restart_minutes * 60
        out, _ = load.communicate()
        segments = [json.loads(next(l for l in out.splitlines() if l.startswith("WRK "))[4:])]
        stop.set()
        for t in threads:
            t.join(timeout=120)
        report(segments, time.time() - clock)
    finally:
        stop.set()
        for process in (current["silo"], web):
            process.send_signal(signal.SIGTERM)
        for process in (current["silo"], web):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def report(segments, seconds):
    print(f"Soak: {seconds / 60:.1f} min, {len(restarts)} silo kills (SIGKILL) and restarts, top-N at {connections} connections.\n")
    print("| top-N (wrk, whole run) | requests | q/s | 2xx | 4xx | 503 | other 5xx | socket errors | timeouts | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in segments:
        print(f"| GET /api/models/{{id}}/recommendations | {s['requests']:,} | {s['requests'] / s['seconds']:,.0f} | {s['s2xx']:,} | {s['s4xx']:,} | {s['s503']:,} | {s['s5xx']:,} | {s['socketErrors']:,} | {s['timeouts']:,} | {s['p50']:.2f} | {s['p99']:.2f} | {s['max']:.0f} |")
    print("\nSilo back and serving after each kill (s): " + ", ".join(f"{r:.1f}" for r in restarts))
    print("\n| other endpoint | calls | statuses | p50 ms | p99 ms |\n|---|---|---|---|---|")
    for endpoint in sorted(latencies):
        values = latencies[endpoint]
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(statuses[endpoint].items(), key=lambda kv: str(kv[0])))
        print(f"| {endpoint} | {len(values):,} | {counts} | {percentile(values, 50):.1f} | {percentile(values, 99):.1f} |")
    print(f"\nChecked answers against the engine's own top 10: {checks['correct']:,} correct, {checks['wrong']:,} wrong, {checks['unavailable']:,} not answered (silo restarting).")
    print("\nBackground jobs: " + ", ".join(f"{k}: {v}" for k, v in sorted(jobs.items())))
    print("\n| process | first MB | last MB | max MB |\n|---|---|---|---|")
    web = [m for m in memory["web"]]
    if web:
        print(f"| web host (one process, whole run) | {web[0][2]:.0f} | {web[-1][2]:.0f} | {max(m[2] for m in web):.0f} |")
    by_pid = {}
    for t, pid, value in memory["silo"]:
        by_pid.setdefault(pid, []).append(value)
    for i, (pid, values) in enumerate(by_pid.items(), 1):
        print(f"| silo, lifetime {i} | {values[0]:.0f} | {values[-1]:.0f} | {max(values):.0f} |")


if __name__ == "__main__":
    main()
