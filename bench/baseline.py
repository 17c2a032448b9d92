#!/usr/bin/env python3
"""The usual baseline, for comparison: TF-IDF over word 1-2-grams and character 2-4-grams,
logistic regression, trained on exactly the same knowledge-base examples as the matcher (topics,
facet examples, small talk, out-of-scope, and the example questions of every language file), and
judged on the same labelled suites, with a confidence threshold below which it declines (tuned on
its own cross-validation, not on the suites).

    pip install scikit-learn pyyaml && python3 bench/baseline.py [extra.tsv ...]

Suites: every `intents/tests/*.yaml` (conversation scripts aside), every `intents/tests/*.tsv`,
the files named on the command line, and `../shared/eval/*.tsv` when that folder is there.
A TSV suite has the columns `intent`, `lang`, `question` (a header line first).
"""
import glob, os, sys
import numpy as np
import yaml
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "intents")
texts, labels = [], []
for path in sorted(glob.glob(os.path.join(root, "*.yaml")) + glob.glob(os.path.join(root, "*.yml"))):
    doc = yaml.safe_load(open(path))
    name = os.path.basename(path)
    if name.startswith(("vocabulary.", "messages.", "entities.")):
        continue
    if name.startswith("smalltalk."):
        for intent in doc["intents"]:
            texts += intent["examples"]; labels += [intent["id"]] * len(intent["examples"])
    elif name.startswith("out_of_scope."):
        texts += doc["examples"]; labels += ["out_of_scope"] * len(doc["examples"])
    elif "id" in doc and "examples" in doc:
        examples = doc["examples"] + [e for f in doc.get("facets", []) for e in f["examples"]]
        texts += examples; labels += [doc["id"]] * len(examples)
for path in sorted(glob.glob(os.path.join(root, "languages", "*.yaml"))):
    for label, examples in (yaml.safe_load(open(path)).get("examples") or {}).items():
        texts += examples; labels += [label] * len(examples)
texts = [str(t) for t in texts]


def fit(xs, ys):
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    features = hstack([word.fit_transform(xs), char.fit_transform(xs)]).tocsr()
    model = LogisticRegression(C=10, max_iter=2000).fit(features, ys)
    return lambda qs: model.predict_proba(hstack([word.transform(qs), char.transform(qs)]).tocsr()), model.classes_


def decide(probabilities, classes, threshold):
    best = probabilities.argmax(1)
    return [classes[b] if (p[b] >= threshold and classes[b] != "out_of_scope") else "out_of_scope"
            for b, p in zip(best, probabilities)]


def load_suite(path):
    """(question, expected label, language or None) for a YAML or TSV suite."""
    if path.endswith(".tsv"):
        rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
        header = rows[0]
        at = {name: header.index(name) for name in ("intent", "lang", "question")}
        return [(r[at["question"]], r[at["intent"]], r[at["lang"]]) for r in rows[1:] if len(r) >= len(header)]
    return [(str(c["q"]), c["expect"], None) for c in yaml.safe_load(open(path))["cases"]]


def report(name, cases):
    questions = [q for q, _, _ in cases]
    got = decide(predict(questions), classes, best_threshold)
    right = [g == e for g, (_, e, _) in zip(got, cases)]
    oos = [r for r, (_, e, _) in zip(right, cases) if e == "out_of_scope"]
    declined = [g == "out_of_scope" for g, (_, e, _) in zip(got, cases) if e != "out_of_scope"]
    others = [r for r, (_, _, lang) in zip(right, cases) if lang and lang not in ("en", "zh", "zh-Hant")]
    line = (f"{name}: questions {len(cases)}  accuracy {np.mean(right):.3f}  "
            f"out-of-scope recall {np.mean(oos) if oos else float('nan'):.3f}  "
            f"in-scope declined {np.mean(declined) if declined else float('nan'):.3f}")
    if others:
        line += f"  other languages {np.mean(others):.3f} ({len(others)})"
    print(line)


# Pick the threshold by 5-fold cross-validation on the examples only.
ys = np.array(labels); xs = np.array(texts, dtype=object)
best_threshold, best_score = 0.0, -1
folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(xs, ys))
for threshold in np.arange(0.0, 0.9, 0.05):
    correct = 0
    for train, test in folds:
        predict, classes = fit(list(xs[train]), list(ys[train]))
        correct += sum(a == b for a, b in zip(decide(predict(list(xs[test])), classes, threshold), ys[test]))
    if correct > best_score:
        best_threshold, best_score = threshold, correct

predict, classes = fit(texts, labels)
print(f"baseline threshold (from cross-validation): {best_threshold:.2f}; "
      f"5-fold cross-validation accuracy {best_score / len(texts):.3f} ({len(texts)} examples)")
suites = sorted(p for p in glob.glob(os.path.join(root, "tests", "*.yaml")) if not os.path.basename(p).startswith("conversations"))
suites += sorted(glob.glob(os.path.join(root, "tests", "*.tsv")))
suites += sys.argv[1:] or sorted(glob.glob(os.path.join(here, "..", "..", "shared", "eval", "*.tsv")))
for path in suites:
    report(os.path.basename(path), load_suite(path))
