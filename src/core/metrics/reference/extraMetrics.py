"""Reference values for the metrics that shared/fixtures/metrics.json does not hold: Cohen's kappa
and imbalanced-learn's index balanced accuracy of the G-mean, on the same five cases.

    /usr/bin/python3 src/core/metrics/reference/extraMetrics.py > src/core/metrics/reference/extraMetrics.json

scikit-learn 1.2.1 and imbalanced-learn 0.10 (Debian's python3-sklearn, python3-imblearn).
"""
import json
import sys

import imblearn
import numpy as np
import sklearn
from imblearn.metrics import geometric_mean_score, make_index_balanced_accuracy
from sklearn.metrics import cohen_kappa_score

cases = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures/metrics.json"))["cases"]
iba = make_index_balanced_accuracy(alpha=0.1, squared=True)(geometric_mean_score)
out = {"about": f"scikit-learn {sklearn.__version__}, imbalanced-learn {imblearn.__version__}: cohen_kappa_score; make_index_balanced_accuracy(alpha=0.1, squared=True)(geometric_mean_score) with average='multiclass' (sensitivity/specificity averaged 'macro') and, for two classes, average='binary' (pos_label=1).", "cases": {}}
for c in cases:
    y = np.array(c["y_true"])
    p = np.array(c["y_pred"])
    e = {"cohen_kappa": float(cohen_kappa_score(y, p)), "iba_gmean_multiclass": float(iba(y, p, average="multiclass"))}
    if c["n_classes"] == 2:
        e["iba_gmean_binary"] = float(iba(y, p, average="binary"))
    out["cases"][c["name"]] = e
print(json.dumps(out, indent=1))
