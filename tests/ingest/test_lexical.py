import numpy as np
from rank_bm25 import BM25Okapi

from ingest.lexical import BM25Index, Tokenizer


def test_bm25_matches_rank_bm25_okapi() -> None:
    tokenizer = Tokenizer()
    texts = [
        "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
        "用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同。",
        "劳动争议申请仲裁的时效期间为一年。",
        "职工在上下班途中，受到非本人主要责任的交通事故伤害的，应当认定为工伤。",
        "用人单位应当按时足额支付劳动报酬。",
    ]
    corpus = [tokenizer.tokenize(t) for t in texts]
    ours = BM25Index.build(corpus)
    reference = BM25Okapi(corpus)
    for query in ["拖欠劳动报酬 解除劳动合同", "没签劳动合同 二倍的工资", "仲裁 时效", "上下班途中 工伤"]:
        tokens = tokenizer.tokenize(query)
        np.testing.assert_allclose(ours.scores(tokens), reference.get_scores(tokens), rtol=1e-5, atol=1e-5)


def test_legal_terms_stay_whole_and_save_load(tmp_path) -> None:
    tokenizer = Tokenizer()
    tokens = tokenizer.tokenize("公司拖欠劳动报酬还不签书面劳动合同")
    assert "劳动报酬" in tokens and "书面劳动合同" in tokens
    index = BM25Index.build([tokens, ["工伤", "认定"]])
    index.save(tmp_path)
    loaded = BM25Index.load(tmp_path)
    np.testing.assert_allclose(loaded.scores(["工伤"]), index.scores(["工伤"]))
    assert loaded.scores(["不存在的词"]).sum() == 0
