"""Peer timing for bench/lightgcn.bench.ts: the LightGCN recipe of the authors' PyTorch code
(gusye1234/LightGCN-PyTorch: 3 layers, dim 64, N(0, 0.1^2) init, batch 2048, Adam 1e-3,
reg 1e-4 on the batch's layer-0 rows, one full sparse propagation per batch, uniform user sampling)
on the Gowalla split, CPU only. Times `batches` batches after one warm-up batch and prints one JSON
line: seconds per batch (sampling included) and the extrapolated seconds per epoch.

usage: /usr/bin/python3 bench/peers/lightgcn_torch.py DATA_DIR [batches] [threads]
"""
import json
import sys
import time

import torch

data_dir = sys.argv[1]
batches = int(sys.argv[2]) if len(sys.argv) > 2 else 5
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
torch.set_num_threads(threads)
torch.manual_seed(42)
rng = torch.Generator().manual_seed(42)


def read(path):
    users, items = [], []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            u = int(parts[0])
            for i in parts[1:]:
                users.append(u)
                items.append(int(i))
    return users, items


t0 = time.time()
tu, ti = read(f"{data_dir}/train.txt")
n_users, n_items = max(tu) + 1, max(ti) + 1
n = n_users + n_items
u = torch.tensor(tu)
i = torch.tensor(ti) + n_users
rows = torch.cat([u, i])
cols = torch.cat([i, u])
deg = torch.bincount(rows, minlength=n).float()
dinv = deg.pow(-0.5)
dinv[torch.isinf(dinv)] = 0
vals = dinv[rows] * dinv[cols]
graph = torch.sparse_coo_tensor(torch.stack([rows, cols]), vals, (n, n)).coalesce()
pos_lists = [[] for _ in range(n_users)]
for a, b in zip(tu, ti):
    pos_lists[a].append(b)
pos_sets = [set(p) for p in pos_lists]
load_s = time.time() - t0

emb_u = torch.nn.Embedding(n_users, 64)
emb_i = torch.nn.Embedding(n_items, 64)
torch.nn.init.normal_(emb_u.weight, std=0.1)
torch.nn.init.normal_(emb_i.weight, std=0.1)
opt = torch.optim.Adam(list(emb_u.parameters()) + list(emb_i.parameters()), lr=1e-3)


def sample(count):
    users = torch.randint(0, n_users, (count,), generator=rng).tolist()
    out = []
    for us in users:
        p = pos_lists[us]
        if not p:
            continue
        pos = p[torch.randint(0, len(p), (1,), generator=rng).item()]
        while True:
            neg = torch.randint(0, n_items, (1,), generator=rng).item()
            if neg not in pos_sets[us]:
                break
        out.append((us, pos, neg))
    return torch.tensor(out)


def step():
    triples = sample(2048)
    users, pos, neg = triples[:, 0], triples[:, 1], triples[:, 2]
    all_emb = torch.cat([emb_u.weight, emb_i.weight])
    embs = [all_emb]
    for _ in range(3):
        all_emb = torch.sparse.mm(graph, all_emb)
        embs.append(all_emb)
    final = torch.stack(embs, dim=1).mean(dim=1)
    fu, fi = torch.split(final, [n_users, n_items])
    ue, pe, ne = fu[users], fi[pos], fi[neg]
    reg = 0.5 * (emb_u(users).norm(2).pow(2) + emb_i(pos).norm(2).pow(2) + emb_i(neg).norm(2).pow(2)) / len(users)
    loss = torch.nn.functional.softplus((ue * ne).sum(1) - (ue * pe).sum(1)).mean() + 1e-4 * reg
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


step()  # warm-up
times = []
for _ in range(batches):
    t = time.time()
    step()
    times.append(time.time() - t)
times.sort()
median = times[len(times) // 2]
per_epoch = median * -(-len(tu) // 2048)
print(json.dumps({"peer": "pytorch", "torch": torch.__version__, "threads": threads, "batches_timed": batches,
                  "seconds_per_batch": round(median, 3), "seconds_per_epoch": round(per_epoch, 1),
                  "interactions_per_second": round(len(tu) / per_epoch, 1), "load_seconds": round(load_s, 1)}))
