"""PyTorch single-thread baseline for the many-method comparison benchmark (issue #5):
8 MLPs 30->64->64->2 (relu, Adam lr 0.01, batch 256) trained one after another on 10,000 random
rows with a noisy linear label, 5 epochs each after a one-epoch warm-up. Prints JSON:
{"models": 8, "epochs": 5, "wall_s": ..., "method_epochs_per_sec": ..., "one_model_epochs_per_sec": ...}
Run with Debian's python3-torch:  /usr/bin/python3 bench/training/torchBaseline.py
"""
import json
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(7)
ROWS, FEATURES, HIDDEN, BATCH, EPOCHS, MODELS = 10_000, 30, 64, 256, 5, 8
X = torch.randn(ROWS, FEATURES)
y = ((X[:, 0] + 0.5 * X[:, 1] + 0.5 * torch.randn(ROWS)) > 0).long()


def train(epochs: int, seed: int) -> None:
    torch.manual_seed(seed)
    model = torch.nn.Sequential(
        torch.nn.Linear(FEATURES, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.ReLU(), torch.nn.Linear(HIDDEN, 2)
    )
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        order = torch.randperm(ROWS)
        for b in range(0, ROWS, BATCH):
            idx = order[b : b + BATCH]
            opt.zero_grad()
            loss_fn(model(X[idx]), y[idx]).backward()
            opt.step()


train(1, 0)
t0 = time.perf_counter()
train(EPOCHS, 1)
one = EPOCHS / (time.perf_counter() - t0)
t0 = time.perf_counter()
for m in range(MODELS):
    train(EPOCHS, 10 + m)
wall = time.perf_counter() - t0
print(json.dumps({"models": MODELS, "epochs": EPOCHS, "wall_s": wall, "method_epochs_per_sec": MODELS * EPOCHS / wall, "one_model_epochs_per_sec": one, "torch": torch.__version__}))
