/**
 * The evaluation part of the exported Python script: the post-hoc rules, the metrics, and main()
 * (every split, every method, mean ± std, failures reported as the app reports them).
 * Part of the exported script (pythonScript.ts joins the parts); a raw string, so the Python's
 * backslashes stay as they are.
 */
export const PYTHON_MAIN = String.raw`
def posthoc(rule, proba, counts, predict, X_val, y_val, minority):
    """Prior correction, post-hoc logit adjustment, threshold moving, the cost decision rule (posthoc/adjust.ts)."""
    if rule is None:
        return proba.argmax(1), proba
    priors = np.maximum(counts, 0.5) / counts.sum()
    if rule["kind"] == "logit-adjust":
        tau = 1.0 if rule["id"] == "prior-correction" else rule["tau"]
        adj = proba / priors ** tau
        adj /= adj.sum(1, keepdims=True)
        return adj.argmax(1), adj
    if rule["kind"] == "cost" and rule.get("use") == "decision-rule":
        c = cost_matrix(rule, counts)
        t = c[0, 1] / (c[0, 1] + c[1, 0]) if c[0, 1] + c[1, 0] > 0 else 0.5
        return (proba[:, 1] >= t).astype(int), proba
    if rule["kind"] == "threshold":
        pv = predict(X_val)[:, minority]
        score = {"f1": lambda p: f1_score(y_val == minority, p), "gmean": lambda p: geometric_mean_score(y_val == minority, p, average="binary"),
                 "balanced-accuracy": lambda p: balanced_accuracy_score(y_val == minority, p)}[rule["objective"]]
        t = max(np.unique(pv), key=lambda t: (score(pv >= t), -abs(t - 0.5)))
        pred = np.where(proba[:, minority] >= t, minority, 1 - minority)
        return pred, proba
    return proba.argmax(1), proba


def metrics(y, pred, proba, n_classes, minority):
    out = {
        "accuracy": accuracy_score(y, pred),
        "balanced accuracy": balanced_accuracy_score(y, pred),
        "macro-F1": f1_score(y, pred, average="macro", zero_division=0),
        "G-mean": geometric_mean_score(y, pred, average="multiclass"),
        "MCC": matthews_corrcoef(y, pred),
        "minority recall": float(np.mean(pred[y == minority] == minority)) if np.any(y == minority) else float("nan"),
    }
    if n_classes == 2:
        out["ROC AUC"] = roc_auc_score(y, proba[:, 1])
        out["PR AUC (AP)"] = average_precision_score(y, proba[:, 1])
    else:
        out["ROC AUC"] = roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=list(range(n_classes)))
    return out


def main():
    X, y, names, fixed_test = load_data()
    n_classes = len(names)
    results = {m["label"]: [] for m in METHODS}
    failures = {}
    for k, (tr, va, te) in enumerate(splits(y, fixed_test)):
        encoder = Encoder(X[tr])
        X_va, X_te = encoder.transform(X[va]), encoder.transform(X[te])
        for m in METHODS:
            if m["label"] in failures:
                continue
            try:
                if m["leaky"]:
                    used, ((Xr, yr), (X_va_m, y_va_m), (X_te_m, y_te_m)) = leaky_split(m, X, y, k)
                else:
                    used, (Xr, yr), (X_va_m, y_va_m), (X_te_m, y_te_m) = encoder, resample(m, encoder, X[tr], y[tr]), (X_va, y[va]), (X_te, y[te])
                counts, before = np.bincount(yr, minlength=n_classes), np.bincount(y[tr], minlength=n_classes)
                minority = int(np.argmin(np.where(before > 0, before, np.inf)))
                predict = train_method(m, Xr, yr, n_classes, counts, used, SEED + k)
                pred, proba = posthoc(m["posthoc"], predict(X_te_m), counts, predict, X_va_m, y_va_m, minority)
                results[m["label"]].append(metrics(y_te_m, pred, proba, n_classes, minority))
            except Exception as error:  # a method that fails (as in the app) is reported, the others go on
                failures[m["label"]] = f"{type(error).__name__}: {error}"
    done = {label: runs for label, runs in results.items() if runs and label not in failures}
    keys = list(next(iter(done.values()))[0].keys()) if done else []
    width = max([len("method")] + [len(m["label"]) for m in METHODS])
    print(f"{'method':{width}s} " + " ".join(f"{k:>18s}" for k in keys))
    for label, runs in done.items():
        cells = [f"{np.mean([r[k] for r in runs]):.3f} +- {np.std([r[k] for r in runs], ddof=1) if len(runs) > 1 else 0:.3f}" for k in keys]
        print(f"{label:{width}s} " + " ".join(f"{c:>18s}" for c in cells))
    for label, why in failures.items():
        print(f"{label:{width}s} failed: {why}")


if __name__ == "__main__":
    main()
`;
