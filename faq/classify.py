"""A linear classifier over word and character n-grams, trained when the index is built.

It learns from the topics' questions and variants (faq/data/topics, faq/data/variants.yaml)
and from questions that are not ours (faq/data/pointers.yaml: near-domain kinds such as 落户
or 公积金, and everyday chat), so a refusal weighs the whole question instead of firing on a
keyword. Nothing is downloaded: scikit-learn's linear SVM over TF-IDF features, trained in
about a second (a logistic regression gave the same ranking and took twenty times longer).

Scoring one question goes through the fitted vocabularies and weights directly: scikit-learn's
transform costs about a millisecond per call for one short text, this about a tenth of that.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

# Softmax of the SVM margins: how sharp the probabilities are (calibrated on the dev sets).
SHARPNESS = 8.0
_CHAR_NGRAMS = (1, 3)
_SPACES = re.compile(r"\s\s+")


class Classifier:
    """`labels` are topic ids and the names of what is not ours; `probabilities` sums to 1."""

    def __init__(
        self,
        texts: Sequence[str],
        labels: Sequence[str],
        words: Callable[[str], list[str]],
        sharpness: float = SHARPNESS,
    ) -> None:
        self._word_features = words
        self._words = TfidfVectorizer(analyzer=words, sublinear_tf=True)
        self._chars = TfidfVectorizer(analyzer="char", ngram_range=_CHAR_NGRAMS, sublinear_tf=True)
        features = hstack([self._words.fit_transform(texts), self._chars.fit_transform(texts)])
        self._model = LinearSVC(C=1.0, random_state=0)
        self._model.fit(features, labels)
        self._sharpness = sharpness
        self.labels: tuple[str, ...] = tuple(str(label) for label in self._model.classes_)
        offset = len(self._words.vocabulary_)
        self._columns = (
            {term: (i, self._words.idf_[i]) for term, i in self._words.vocabulary_.items()},
            {
                gram: (offset + i, self._chars.idf_[i])
                for gram, i in self._chars.vocabulary_.items()
            },
        )
        # One row per feature: the margin it adds to each label (binary: to the second).
        weights = np.asarray(self._model.coef_)
        if len(self.labels) == 2:
            weights = np.vstack([-weights[0], weights[0]])
            self._intercept = np.array([-self._model.intercept_[0], self._model.intercept_[0]])
        else:
            self._intercept = np.asarray(self._model.intercept_)
        self._weights = np.ascontiguousarray(weights.T)

    def probabilities(self, text: str) -> np.ndarray:
        margins = self._intercept.copy()
        for counts, columns in zip(
            (Counter(self._word_features(text)), Counter(_char_ngrams(text))),
            self._columns,
            strict=True,
        ):
            found = [
                (columns[term][0], (1 + math.log(n)) * columns[term][1])
                for term, n in counts.items()
                if term in columns
            ]
            if not found:
                continue
            rows, values = zip(*found, strict=True)
            vector = np.array(values)
            margins += vector @ self._weights[list(rows)] / np.linalg.norm(vector)
        weights: np.ndarray = np.exp((margins - margins.max()) * self._sharpness)
        return weights / weights.sum()


def _char_ngrams(text: str) -> list[str]:
    """The character n-grams scikit-learn's "char" analyzer makes of `text`."""
    text = _SPACES.sub(" ", text.lower())
    low, high = _CHAR_NGRAMS
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]
