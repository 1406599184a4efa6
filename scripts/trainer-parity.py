#!/usr/bin/env python3
"""PyTorch replay of a kiln trainer run, for parity and speed comparison (not part of CI).

kiln writes the initial weights, the batches, the learning rates and its own per-step losses:

    ./kiln bench trainer --parity-dump /tmp/parity --model tiny --batch 4 --seq 64 --steps 20

and this script rebuilds the same Llama (pre-norm RMSNorm, RoPE rotate-half, causal MHA with the
1/sqrt(hd) scale on q, SwiGLU, tied embeddings) in PyTorch, takes the same 20 AdamW steps
(betas, eps, decoupled decay on the same parameter group, clip_grad_norm_) and prints both loss
curves and the largest difference (expected ~1e-4 or better in fp32):

    python3 scripts/trainer-parity.py /tmp/parity

With --bench it also times the PyTorch step (median ms/step over the replayed steps after 3
warm-up steps, same thread count) so `kiln bench trainer` figures have a baseline on the same machine.
Needs only numpy and torch (Debian: apt-get install python3-torch; run with /usr/bin/python3).
"""
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def load(d, name, dtype):
    return np.fromfile(f"{d}/{name}", dtype=dtype)


class Llama(torch.nn.Module):
    def __init__(self, cfg, flat):
        super().__init__()
        self.cfg = cfg
        d, ffn, v = cfg["dim"], cfg["ffn"], cfg["vocab"]
        shapes = {"embed": (v, d), "final_norm": (d,)}
        for l in range(cfg["layers"]):
            p = f"layers.{l}."
            shapes.update({p + "attn_norm": (d,), p + "wq": (d, d), p + "wk": (d, d), p + "wv": (d, d),
                           p + "wo": (d, d), p + "mlp_norm": (d,), p + "w1": (ffn, d), p + "w2": (d, ffn),
                           p + "w3": (ffn, d)})
        self.names = cfg["layout"]
        self.params = torch.nn.ParameterDict()
        off = 0
        for n in self.names:
            size = int(np.prod(shapes[n]))
            t = torch.from_numpy(flat[off:off + size].copy()).reshape(shapes[n])
            self.params[n.replace(".", "_")] = torch.nn.Parameter(t)
            off += size
        assert off == flat.size, (off, flat.size)
        hd = d // cfg["heads"]
        seq = cfg["seq"]
        inv = 1.0 / (cfg["rope_theta"] ** (torch.arange(0, hd, 2, dtype=torch.int64).float() / hd))
        freqs = torch.outer(torch.arange(seq, dtype=torch.float32), inv)
        emb = torch.cat((freqs, freqs), dim=-1)
        self.cos, self.sin = emb.cos(), emb.sin()
        self.mask = torch.triu(torch.full((seq, seq), -1e9), diagonal=1)

    def p(self, n):
        return self.params[n.replace(".", "_")]

    def norm(self, x, w):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.cfg["norm_eps"]) * w

    def rope(self, x):
        h = x.shape[-1] // 2
        rot = torch.cat((-x[..., h:], x[..., :h]), dim=-1)
        return x * self.cos + rot * self.sin

    def forward(self, tok, tgt):
        cfg = self.cfg
        b, t = tok.shape
        nh, d = cfg["heads"], cfg["dim"]
        hd = d // nh
        h = F.embedding(tok.reshape(-1), self.p("embed"))
        for l in range(cfg["layers"]):
            pre = f"layers.{l}."
            x = self.norm(h, self.p(pre + "attn_norm"))
            q, k, v = (F.linear(x, self.p(pre + w)).reshape(b, t, nh, hd).transpose(1, 2) for w in ("wq", "wk", "wv"))
            q = self.rope(q) * (1.0 / math.sqrt(hd))
            k = self.rope(k)
            att = torch.softmax(q @ k.transpose(-1, -2) + self.mask, dim=-1)
            o = (att @ v).transpose(1, 2).reshape(b * t, d)
            h = h + F.linear(o, self.p(pre + "wo"))
            x = self.norm(h, self.p(pre + "mlp_norm"))
            h = h + F.linear(F.silu(F.linear(x, self.p(pre + "w1"))) * F.linear(x, self.p(pre + "w3")), self.p(pre + "w2"))
        h = self.norm(h, self.p("final_norm"))
        logits = F.linear(h, self.p("embed"))
        return F.cross_entropy(logits, tgt.reshape(-1))


def main():
    d = sys.argv[1]
    bench = "--bench" in sys.argv
    cfg = json.load(open(f"{d}/config.json"))
    if cfg.get("threads", 0) > 0:
        torch.set_num_threads(cfg["threads"])
    steps, b, t = cfg["steps"], cfg["batch"], cfg["seq"]
    model = Llama(cfg, load(d, "params.f32", "<f4"))
    tok = torch.from_numpy(load(d, "tokens.i32", "<i4").astype(np.int64).reshape(steps, b, t))
    tgt = torch.from_numpy(load(d, "targets.i32", "<i4").astype(np.int64).reshape(steps, b, t))
    lrs = load(d, "lrs.f32", "<f4")
    kiln = load(d, "kiln_losses.f32", "<f4")
    kiln_gn = load(d, "kiln_gnorms.f32", "<f4")
    kiln_ms = load(d, "kiln_ms.f32", "<f4")
    decay, no_decay = [], []
    for n in model.names:
        matrix = n != "embed" and not n.endswith("norm")
        (decay if cfg["decay"] == "ALL" or matrix else no_decay).append(model.p(n))
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=float(lrs[0]), betas=(cfg["beta1"], cfg["beta2"]), eps=cfg["adam_eps"])
    losses, gnorms, times = [], [], []
    for i in range(steps):
        t0 = time.perf_counter()
        for g in opt.param_groups:
            g["lr"] = float(lrs[i])
        opt.zero_grad(set_to_none=True)
        loss = model(tok[i], tgt[i])
        loss.backward()
        gn = torch.nn.utils.clip_grad_norm_(model.parameters(), cfg["clip_norm"]) if cfg["clip_norm"] > 0 else torch.tensor(0.0)
        opt.step()
        times.append((time.perf_counter() - t0) * 1000)
        losses.append(loss.item())
        gnorms.append(gn.item())
    print(f"model {cfg['model']}  B {b} x T {t}  {steps} steps  torch {torch.__version__}  threads {torch.get_num_threads()}")
    print(f"{'step':>4} {'kiln loss':>12} {'torch loss':>12} {'|diff|':>10} {'kiln gnorm':>11} {'torch gnorm':>11}")
    for i in range(steps):
        print(f"{i + 1:>4} {kiln[i]:>12.6f} {losses[i]:>12.6f} {abs(kiln[i] - losses[i]):>10.2e} {kiln_gn[i]:>11.5f} {gnorms[i]:>11.5f}")
    diff = float(np.max(np.abs(np.array(losses) - kiln)))
    print(f"max |loss diff| {diff:.3e}")
    if bench:
        print(f"median ms/step (steps 4..{steps}): kiln {np.median(kiln_ms[3:]):.1f}  torch {np.median(times[3:]):.1f}")
    sys.exit(0 if diff < 1e-3 else 1)


if __name__ == "__main__":
    main()
