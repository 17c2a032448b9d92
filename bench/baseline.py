#!/usr/bin/env python3
"""The usual baseline, for comparison: TF-IDF over word 1-2-grams and character 2-4-grams,
logistic regression, trained on exactly the same knowledge-base examples (topics, facet
examples, small talk, out-of-scope) and judged on the same labelled suites, with a confidence
threshold below which it declines (tuned on its own cross-validation, not on the suites).

    pip install scikit-learn pyyaml && python3 bench/baseline.py
"""
import glob, os, sys
import numpy as np
import yaml
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "intents")
texts, labels = [], []
for path in sorted(glob.glob(os.path.join(root, "*.yaml"))):
    doc = yaml.safe_load(open(path))
    name = os.path.basename(path)
    if name in ("vocabulary.yaml", "messages.yaml"):
        continue
    if name == "smalltalk.yaml":
        for intent in doc["intents"]:
            texts += intent["examples"]; labels += [intent["id"]] * len(intent["examples"])
    elif name == "out_of_scope.yaml":
        texts += doc["examples"]; labels += ["out_of_scope"] * len(doc["examples"])
    else:
        examples = doc["examples"] + [e for f in doc.get("facets", []) for e in f["examples"]]
        texts += examples; labels += [doc["id"]] * len(examples)
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
print(f"baseline threshold (from cross-validation): {best_threshold:.2f}; 5-fold cross-validation accuracy {best_score / len(texts):.3f}")
for path in sorted(glob.glob(os.path.join(root, "tests", "*.yaml"))):
    if os.path.basename(path).startswith("conversations"):
        continue
    cases = yaml.safe_load(open(path))["cases"]
    questions = [str(c["q"]) for c in cases]
    expected = [c["expect"] for c in cases]
    got = decide(predict(questions), classes, best_threshold)
    accuracy = np.mean([a == b for a, b in zip(got, expected)])
    oos = [a == b for a, b in zip(got, expected) if b == "out_of_scope"]
    rejected = [g == "out_of_scope" for g, e in zip(got, expected) if e != "out_of_scope"]
    print(f"{os.path.basename(path)}: questions {len(cases)}  accuracy {accuracy:.3f}  "
          f"out-of-scope recall {np.mean(oos):.3f}  false rejections {np.mean(rejected):.3f}")
