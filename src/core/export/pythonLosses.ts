/**
 * The losses part of the exported Python script: class weights, each method's loss parameters
 * (lossMethods.ts), the app's loss family in PyTorch, and AnyLoss.
 * Part of the exported script (pythonScript.ts joins the parts); a raw string, so the Python's
 * backslashes stay as they are.
 */
export const PYTHON_LOSSES = String.raw`
def class_weights(counts, scheme="inverse", beta=0.999):
    """Class weights normalised to mean 1 (losses/classWeights.ts): inverse frequency, its square root, or the effective number of samples (Cui et al. 2019)."""
    counts = np.asarray(counts, dtype=np.float64)
    if scheme == "inverse":
        w = np.where(counts > 0, counts.sum() / (len(counts) * np.maximum(counts, 1)), 0)
    elif scheme == "inverse-sqrt":
        w = np.where(counts > 0, 1 / np.sqrt(np.maximum(counts, 1)), 0)
    else:
        w = np.where(counts > 0, (1 - beta) / (1 - beta ** counts), 0)
    return w * len(counts) / max(w.sum(), 1e-12)


def loss_plan(spec, counts, epochs):
    """The loss of a method (lossMethods.ts trainingLossFor): weights, offsets, margins, scale, focal gamma, dice, DRW, AnyLoss."""
    plan = {"weights": None, "offsets": None, "margins": None, "scale": 1.0, "gamma": 0.0, "dice": None, "drw": None, "anyloss": None}
    if spec is None:
        return plan
    i = spec["id"]
    counts = np.asarray(counts, dtype=np.float64)
    if i == "class-weight":
        plan["weights"] = class_weights(counts, spec.get("scheme", "inverse"), spec.get("beta", 0.999) or 0.999)
    elif i in ("focal", "cb-focal"):
        plan["gamma"] = spec["gamma"]
        if i == "focal":
            rare = int(np.argmin(np.where(counts > 0, counts, np.inf)))
            a = spec.get("alpha", 0.5)
            plan["weights"] = np.array([a if c == rare else 1 - a for c in range(len(counts))])
        else:
            plan["weights"] = class_weights(counts, "effective-number", spec["beta"])
    elif i == "ldam-drw":
        margins = 1 / np.maximum(counts, 1) ** 0.25
        plan["margins"] = margins * spec["maxMargin"] / margins.max()
        plan["scale"] = spec["scale"]
        drw = round(0.8 * epochs) if spec.get("drwEpoch", "auto") == "auto" else int(spec["drwEpoch"])
        plan["drw"] = (max(1, drw), class_weights(counts, "effective-number", 0.9999))
    elif i == "balanced-softmax":
        plan["offsets"] = np.log(np.maximum(counts, 0.5))
    elif i == "logit-adjusted-loss":
        plan["offsets"] = spec["tau"] * np.log(np.maximum(counts, 0.5) / counts.sum())
    elif i == "dice":
        plan["dice"] = (spec["alpha"], spec["smoothing"])
    elif i == "anyloss":
        plan["anyloss"] = (spec["metric"], spec["amplification"])
    elif i == "cost-matrix" and spec.get("use") != "decision-rule":
        costs = cost_matrix(spec, counts)
        plan["weights"] = np.array([(row.sum() - row[k]) / (len(row) - 1) for k, row in enumerate(costs)])
    return plan


def cost_matrix(spec, counts):
    if spec.get("costs", "auto") == "auto":
        return np.array([[0 if i == j else counts.max() / max(counts[i], 1) for j in range(len(counts))] for i in range(len(counts))])
    return np.array([[float(v) for v in row.split(",")] for row in str(spec["costs"]).split(";")])


def imbalance_loss(logits, y, plan, weights):
    """The app's loss family (losses/imbalanceLoss.ts): margins on the true class, scale, logit offsets; cross-entropy, focal or self-adjusting dice; class-weighted mean. Or AnyLoss."""
    onehot = torch.nn.functional.one_hot(y, logits.shape[1]).to(logits.dtype)
    if plan["anyloss"] is not None:
        return confusion_loss(logits, onehot, *plan["anyloss"])
    z = logits
    if plan["margins"] is not None:
        z = z - onehot * torch.as_tensor(plan["margins"], dtype=z.dtype)
    z = z * plan["scale"]
    if plan["offsets"] is not None:
        z = z + torch.as_tensor(plan["offsets"], dtype=z.dtype)
    logp = torch.log_softmax(z, dim=1)
    logpt = (onehot * logp).sum(1)
    pt = logpt.exp()
    q = (1 - pt).clamp_min(1e-30)
    if plan["dice"] is not None:
        a, eps = plan["dice"]
        g = q ** a * pt
        per = 1 - (2 * g + eps) / (g + 1 + eps)
    else:
        per = -(q ** plan["gamma"]) * logpt if plan["gamma"] > 0 else -logpt
    w = torch.ones_like(per) if weights is None else torch.as_tensor(weights, dtype=per.dtype)[y]
    return (w * per).sum() / w.sum().clamp_min(1e-30)


def confusion_loss(logits, O, metric, amplification):
    """AnyLoss (Han, Lee & Kim 2024): 1 - macro F1 / G-mean / balanced accuracy of a soft confusion matrix built from sigmoid(L (p - 1/2)); classes absent from the batch left out."""
    ph = torch.sigmoid(amplification * (torch.softmax(logits, 1) - 0.5))
    tp, pos = (O * ph).sum(0), O.sum(0)
    present = (pos > 0).to(logits.dtype)
    k = present.sum().clamp_min(1)
    recall = tp / pos.clamp_min(1e-12)
    if metric == "f1":
        fp = ((1 - O) * ph).sum(0)
        value = (2 * tp / (2 * tp + fp + (pos - tp)).clamp_min(1e-12) * present).sum() / k
    elif metric == "balanced-accuracy":
        value = (recall * present).sum() / k
    else:
        value = torch.exp((torch.log(recall.clamp_min(1e-7)) * present).sum() / k)
    return 1 - value
`;
