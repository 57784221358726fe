#!/usr/bin/python3
"""Makes the scikit-learn parity data under Data/ (run once by hand, never in CI; the outputs are committed).

    /usr/bin/python3 tests/Pipeline.Stages.Tests/Parity/make_sklearn_expected.py

Made with Debian's python3-sklearn 1.2.1 (numpy 1.24.2, scipy 1.10.1) on Python 3.11.2:
- breast_cancer_train.csv / breast_cancer_test.csv: the lines of data/breast_cancer.csv split by
  train_test_split(row indices, test_size=0.2, random_state=42, stratify=target), in the order it returns them;
- breast_cancer_split.csv: the same rows in file order with a `split` column (train/test);
- sklearn_expected.csv: for each C, the test ROC AUC and accuracy of
  make_pipeline(StandardScaler(), LogisticRegression(C=C, solver=..., max_iter=10000, tol=1e-8))
  fitted on the training rows, for solver 'lbfgs' and 'liblinear'.
"""
import csv
import pathlib

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUT = HERE / "Data"
GRID = [0.01, 0.1, 0.5, 1.0, 2.0, 3.0]

# The CSV lines are kept as text, so the split files hold exactly the values of data/breast_cancer.csv.
header, *lines = (ROOT / "data" / "breast_cancer.csv").read_text().splitlines()
columns = header.split(",")
label = columns.index("target")
values = np.array([[float(v) for v in line.split(",")] for line in lines])
X = np.delete(values, label, axis=1)
y = values[:, label].astype(int)
train_idx, test_idx = train_test_split(np.arange(len(lines)), test_size=0.2, random_state=42, stratify=y)
OUT.mkdir(exist_ok=True)
(OUT / "breast_cancer_train.csv").write_text("\n".join([header] + [lines[i] for i in train_idx]) + "\n")
(OUT / "breast_cancer_test.csv").write_text("\n".join([header] + [lines[i] for i in test_idx]) + "\n")
test_set = set(test_idx.tolist())
(OUT / "breast_cancer_split.csv").write_text("\n".join([header + ",split"] + [
    line + ("," + ("test" if i in test_set else "train")) for i, line in enumerate(lines)]) + "\n")

rows = []
for solver in ["lbfgs", "liblinear"]:
    for c in GRID:
        model = make_pipeline(StandardScaler(), LogisticRegression(C=c, solver=solver, max_iter=10000, tol=1e-8))
        model.fit(X[train_idx], y[train_idx])
        proba = model.predict_proba(X[test_idx])[:, 1]
        rows.append([solver, repr(c), repr(float(roc_auc_score(y[test_idx], proba))),
                     repr(float(accuracy_score(y[test_idx], model.predict(X[test_idx]))))])
with open(OUT / "sklearn_expected.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["solver", "C", "roc_auc", "accuracy"])
    writer.writerows(rows)
print("\n".join(",".join(r) for r in rows))
