"""The classifier's own scoring path gives scikit-learn's probabilities exactly."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from faq.classify import SHARPNESS, Classifier

TEXTS = [
    "积分 通知书 丢了 怎么 补打",
    "通知书 找不到 了",
    "密码 忘了 怎么 重置",
    "password forgot reset",
    "公积金 怎么 提取",
    "housing fund withdraw",
    "今天 天气  怎么样",
]
LABELS = ["notice", "notice", "password", "password", "fund", "fund", "everyday"]


def _words(text: str) -> list[str]:
    return text.split()


def _scikit_learn(texts: list[str], labels: list[str], question: str) -> np.ndarray:
    words = TfidfVectorizer(analyzer=_words, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    model = LinearSVC(C=1.0, random_state=0).fit(
        hstack([words.fit_transform(texts), chars.fit_transform(texts)]), labels
    )
    margins = model.decision_function(
        hstack([words.transform([question]), chars.transform([question])])
    )[0]
    margins = np.atleast_1d(margins)
    if margins.size == 1:
        margins = np.array([-margins[0], margins[0]])
    weights = np.exp((margins - margins.max()) * SHARPNESS)
    return weights / weights.sum()


@pytest.mark.parametrize(
    "question", ["通知书 丢了", "I forgot my password  again", "公积金", "完全 无关 的 话", ""]
)
@pytest.mark.parametrize("labels", [LABELS, ["notice"] * 2 + ["other"] * 5], ids=["many", "two"])
def test_probabilities_match_scikit_learn(question: str, labels: list[str]) -> None:
    classifier = Classifier(TEXTS, labels, _words)
    expected = _scikit_learn(TEXTS, labels, question)
    assert classifier.labels == tuple(sorted(set(labels)))
    np.testing.assert_allclose(classifier.probabilities(question), expected, atol=1e-9)
    assert classifier.probabilities(question).sum() == pytest.approx(1.0)
