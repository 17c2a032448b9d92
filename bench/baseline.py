#!/usr/bin/env python3
"""The usual peers, for comparison with the matcher. Both are trained on exactly the same
knowledge-base examples as the matcher (topics, facet examples, small talk, out-of-scope, and the
example questions of every language file; written examples only: `patterns:` and any other key
the peers do not know are ignored), judged on the same labelled suites, and each declines below a
confidence threshold tuned on its own 5-fold cross-validation over those examples (never on the
suites):

- `tfidf_lr`: TF-IDF over word 1-2-grams and character 2-4-grams, logistic regression.
- `fasttext`: stock fastText supervised, the recipe of fastText's own text-classification
  tutorial, set before any suite was run and not tuned since: lr 1.0, 25 epochs, word bigrams
  (wordNgrams 2), character n-grams 2-4 (minn 2, maxn 4), bucket 200,000, dim 100, softmax loss;
  text lower-cased with a space around every CJK, kana and hangul character (each one a token);
  thread 1 and seed 0, so that runs repeat exactly.

Install and run (a fresh clone is enough; nothing outside the repository is read):

    pip install scikit-learn pyyaml fasttext-numpy2-wheel && python3 bench/baseline.py
    (or pip install -r bench/requirements.txt; about 1.5 minutes on 2 cores)

    python3 bench/baseline.py --suite intents/tests/real_questions_dev.tsv   # only that suite
    python3 bench/baseline.py --json                                         # machine-readable
    python3 bench/baseline.py extra.tsv                                      # one more suite
    python3 bench/baseline.py --peer fasttext                                # one peer only

Suites: every `intents/tests/*.yaml` (conversation scripts aside) and every `intents/tests/*.tsv`,
plus the files named on the command line; `--suite PATH` (repeatable) runs only those. A TSV suite
has the columns `intent`, `lang`, `question` (a header line first, tab-separated).

Scoring is the Swift `test` command's: a question expected as a topic or a small-talk intent is
right only when that intent is answered; one expected as out_of_scope is right when declined.
In-scope declined is the share of questions not expected as out_of_scope that were declined.
Calibration error is the expected calibration error over 10 equal-width confidence bins.
A share over no questions (say out-of-scope recall on a suite without any) is shown as `-`
(null in --json), where the Swift command shows 100%.
"""
import argparse, glob, json, os, re, sys, tempfile, time
import numpy as np
import yaml

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "intents"))
OUT = "out_of_scope"


# ---------------------------------------------------------------- the training examples

def read_yaml(path):
    """A YAML file with every scalar kept as written (a question "no" stays "no", not False)."""
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def written(items):
    """The written examples of a list: its strings, anything else (a mapping, a list) skipped."""
    return [e for e in (items if isinstance(items, list) else []) if isinstance(e, str)]


def load_examples():
    texts, labels = [], []

    def add(examples, label):
        examples = written(examples)
        texts.extend(examples); labels.extend([label] * len(examples))

    for path in sorted(glob.glob(os.path.join(root, "*.yaml")) + glob.glob(os.path.join(root, "*.yml"))):
        name = os.path.basename(path)
        if name.startswith(("vocabulary.", "messages.", "entities.")):
            continue
        doc = read_yaml(path)
        if not isinstance(doc, dict):
            continue
        if name.startswith("smalltalk."):
            for intent in doc.get("intents") or []:
                if isinstance(intent, dict) and "id" in intent:
                    add(intent.get("examples"), str(intent["id"]))
        elif name.startswith("out_of_scope."):
            add(doc.get("examples"), OUT)
        elif "id" in doc and "examples" in doc:
            add(doc.get("examples"), str(doc["id"]))
            for facet in doc.get("facets") or []:
                if isinstance(facet, dict):
                    add(facet.get("examples"), str(doc["id"]))
    for path in sorted(glob.glob(os.path.join(root, "languages", "*.yaml"))):
        doc = read_yaml(path)
        examples = doc.get("examples") if isinstance(doc, dict) else None
        for label, items in (examples if isinstance(examples, dict) else {}).items():
            add(items, str(label))
    return texts, labels


# ---------------------------------------------------------------- the peers
# Each fit returns (predict, classes): predict maps a list of questions to a matrix of
# probabilities, one column per class, in the order of classes.

def fit_tfidf_lr(xs, ys):
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)
    features = hstack([word.fit_transform(xs), char.fit_transform(xs)]).tocsr()
    model = LogisticRegression(C=10, max_iter=2000).fit(features, ys)
    return lambda qs: model.predict_proba(hstack([word.transform(qs), char.transform(qs)]).tocsr()), list(model.classes_)


# CJK ideographs and their punctuation, kana, hangul, fullwidth forms: each character one token.
CJK = re.compile("([\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
                 "\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
                 "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0002fa1f])")


def fasttext_text(text):
    return " ".join(CJK.sub(r" \1 ", text.lower()).split())


FASTTEXT_RECIPE = dict(lr=1.0, epoch=25, wordNgrams=2, minn=2, maxn=4, bucket=200000, dim=100,
                       loss="softmax", thread=1, seed=0, verbose=0)


def fit_fasttext(xs, ys):
    import fasttext
    with tempfile.TemporaryDirectory(prefix="alipay-help-baseline-") as folder:
        path = os.path.join(folder, "train.txt")
        with open(path, "w", encoding="utf-8") as f:
            for x, y in zip(xs, ys):
                f.write(f"__label__{y} {fasttext_text(x)}\n")
        model = fasttext.train_supervised(input=path, **FASTTEXT_RECIPE)
    classes = sorted(set(ys))
    column = {f"__label__{c}": i for i, c in enumerate(classes)}

    def predict(qs):
        out = np.zeros((len(qs), len(classes)))
        names, probabilities = model.predict([fasttext_text(q) for q in qs], k=-1)
        for row, (ns, ps) in enumerate(zip(names, probabilities)):
            for n, p in zip(ns, ps):
                out[row, column[n]] = p
        return out

    return predict, classes


PEERS = {"tfidf_lr": fit_tfidf_lr, "fasttext": fit_fasttext}


# ---------------------------------------------------------------- deciding and scoring

def decide(probabilities, classes, threshold):
    """(label, confidence) per question. The best class is answered when it is in scope and its
    probability reaches the threshold; otherwise the question is declined. The confidence of an
    answer is the probability of the answered class. The confidence of a decline is the
    probability of out_of_scope: a decline is right exactly when the question is out of scope
    (Swift scoring), so that is the model's own estimate that the decline is right, however the
    decline came about (out_of_scope ranked first, or the best topic below the threshold)."""
    probabilities = np.asarray(probabilities)
    out = classes.index(OUT) if OUT in classes else None
    decisions = []
    for row in probabilities:
        best = int(row.argmax())
        if classes[best] != OUT and row[best] >= threshold:
            decisions.append((classes[best], float(row[best])))
        else:
            decisions.append((OUT, float(row[out]) if out is not None else 0.0))
    return decisions


def share(flags):
    return float(np.mean(flags)) if len(flags) else None


def calibration_error(confidences, right, bins=10):
    confidences, right = np.asarray(confidences, float), np.asarray(right, float)
    if not len(confidences):
        return None
    which = np.minimum((confidences * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        inside = which == b
        if inside.any():
            error += inside.sum() / len(confidences) * abs(right[inside].mean() - confidences[inside].mean())
    return float(error)


def score(decisions, cases):
    right = [label == expected for (label, _), (_, expected, _) in zip(decisions, cases)]
    oos = [r for r, (_, e, _) in zip(right, cases) if e == OUT]
    declined = [label == OUT for (label, _), (_, e, _) in zip(decisions, cases) if e != OUT]
    others = [r for r, (_, _, lang) in zip(right, cases) if lang and lang not in ("en", "zh", "zh-Hant")]
    return {
        "accuracy": share(right),
        "in_scope_declined": share(declined),
        "out_of_scope_recall": share(oos),
        "calibration_error": calibration_error([c for _, c in decisions], right),
        "n": len(cases),
        "_other_languages": (share(others), len(others)),
    }


# ---------------------------------------------------------------- suites

def load_suite(path):
    """(question, expected label, language or None) for a YAML or TSV suite, read as the Swift
    `test` command reads it (TSV: fields trimmed, blank lines skipped)."""
    if path.endswith(".tsv"):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        header = [h.strip() for h in lines[0].split("\t")]
        intent, question = header.index("intent"), header.index("question")
        lang = header.index("lang") if "lang" in header else None
        cases = []
        for line in lines[1:]:
            if not line.strip():
                continue
            fields = line.split("\t")
            if len(fields) <= max(intent, question, lang or 0):
                raise SystemExit(f"{path}: expected {len(header)} tab-separated columns: {line[:40]!r}...")
            cases.append((fields[question].strip(), fields[intent].strip(),
                          fields[lang].strip() if lang is not None else None))
        return cases
    return [(c["q"], c["expect"], None) for c in read_yaml(path)["cases"]]


def default_suites():
    tests = os.path.join(root, "tests")
    suites = sorted(p for p in glob.glob(os.path.join(tests, "*.yaml")) if not os.path.basename(p).startswith("conversations"))
    return suites + sorted(glob.glob(os.path.join(tests, "*.tsv")))


def suite_names(paths):
    """The basename of each suite, or its path where two share a basename."""
    base = [os.path.basename(p) for p in paths]
    return [b if base.count(b) == 1 else p for b, p in zip(base, paths)]


# ---------------------------------------------------------------- the run

def run_fold(peer, xs, ys, train, test):
    predict, classes = PEERS[peer]([xs[i] for i in train], [ys[i] for i in train])
    return predict([xs[i] for i in test]), classes


def cross_validate(peer, xs, ys, folds):
    """Out-of-fold probabilities for every example, in one column order (the classes of all
    examples; a class a fold never saw gets probability 0 there). The folds run side by side,
    one process each, up to the number of cores (each fit is the same as it would be alone)."""
    from joblib import Parallel, delayed
    classes = sorted(set(ys))
    out = np.zeros((len(xs), len(classes)))
    fits = Parallel(n_jobs=min(len(folds), os.cpu_count() or 1))(
        delayed(run_fold)(peer, xs, ys, train, test) for train, test in folds)
    for (_, test), (probabilities, fold_classes) in zip(folds, fits):
        for j, c in enumerate(fold_classes):
            out[test, classes.index(c)] = probabilities[:, j]
    return out, classes


def tune_threshold(probabilities, classes, ys):
    """The threshold on 0, 0.05, ... 0.85 that gets the most cross-validated examples right (the
    lowest of equals)."""
    best, best_correct = 0.0, -1
    for threshold in np.arange(0.0, 0.9, 0.05):
        correct = sum(label == y for (label, _), y in zip(decide(probabilities, classes, threshold), ys))
        if correct > best_correct:
            best, best_correct = float(round(threshold, 2)), correct
    return best, best_correct / len(ys)


def percent(value):
    return "-" if value is None else f"{100 * value:.1f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("extra", nargs="*", help="more suites (YAML or TSV) to report beside the default ones")
    parser.add_argument("--suite", action="append", metavar="PATH", help="run only this suite (repeatable)")
    parser.add_argument("--json", action="store_true", help="print {suite: {peer: figures}} as JSON")
    parser.add_argument("--peer", action="append", choices=list(PEERS), help="run only this peer (repeatable)")
    args = parser.parse_args()
    log = sys.stderr if args.json else sys.stdout
    started = time.time()

    paths = (args.suite or default_suites()) + args.extra
    suites = [(name, load_suite(path)) for name, path in zip(suite_names(paths), paths)]
    texts, labels = load_examples()
    peers = [p for p in PEERS if not args.peer or p in args.peer]
    from sklearn.model_selection import StratifiedKFold
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(np.zeros(len(labels)), labels))

    results = {name: {} for name, _ in suites}
    for peer in peers:
        held_out, classes = cross_validate(peer, texts, labels, folds)
        threshold, cv_accuracy = tune_threshold(held_out, classes, labels)
        predict, classes = PEERS[peer](texts, labels)
        print(f"{peer}: threshold {threshold:.2f} (from 5-fold cross-validation); cross-validation accuracy "
              f"{cv_accuracy:.3f} ({len(texts)} examples)", file=log)
        for name, cases in suites:
            results[name][peer] = score(decide(predict([q for q, _, _ in cases]), classes, threshold), cases)
    print(f"time: {time.time() - started:.1f} s", file=log)

    if args.json:
        print(json.dumps({name: {peer: {k: v for k, v in figures.items() if not k.startswith("_")}
                                 for peer, figures in by_peer.items()} for name, by_peer in results.items()}, indent=2))
        return
    rows = [("accuracy", "accuracy"), ("in-scope declined", "in_scope_declined"),
            ("out-of-scope recall", "out_of_scope_recall"), ("calibration error", "calibration_error")]
    for name, cases in suites:
        print(f"\n{name} ({len(cases)} questions)")
        table = [["measure"] + peers]
        table += [[title] + [percent(results[name][p][key]) for p in peers] for title, key in rows]
        others = [results[name][p]["_other_languages"] for p in peers]
        if others and others[0][1]:
            table.append([f"other languages ({others[0][1]})"] + [percent(value) for value, _ in others])
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        for at, row in enumerate(table):
            print("  " + "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
            if at == 0:
                print("  " + "  ".join("-" * w for w in widths))


if __name__ == "__main__":
    main()
