import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=add, args=(1000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter, all(not t.is_alive() for t in threads))
results = {}
def work(i):
    results[i] = i * i
ts = [threading.Thread(target=work, args=(i,), name=f"worker-{i}") for i in range(5)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(results.items()), ts[0].name, threading.current_thread().name, threading.main_thread() is threading.current_thread())
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(8))))
    futs = [ex.submit(square, i) for i in range(3)]
    print(sorted(f.result() for f in as_completed(futs)))
    bad = ex.submit(lambda: 1 / 0)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("future raised", e)
ev = threading.Event()
print(ev.is_set()); ev.set(); print(ev.wait(1))
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.out = None
    def run(self):
        self.out = sum(range(self.n))
w = Worker(100); w.start(); w.join(); print(w.out)
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
